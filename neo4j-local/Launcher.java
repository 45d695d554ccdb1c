import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts an embedded Neo4j with its Bolt connector on loopback, for local development and tests.
 *
 * Protocol with the parent process (src/neo4j-local/localNeo4j.ts), one line each on stdout:
 *   NEO4J_READY bolt://127.0.0.1:PORT    the database answers
 *   NEO4J_ERROR CODE message             start failed (then exit code 2)
 * It stops on SIGINT/SIGTERM and when its standard input closes: the parent closes it on exit, and the
 * kernel closes it when the parent dies, so the JVM never outlives the process that started it.
 *
 * Arguments: --home DIR  --port N (0 = any free port)  --pagecache-mb N  [--no-stdin-watch]
 */
public class Launcher {
  public static void main(String[] args) throws Exception {
    Path home = null;
    int port = 0;
    long pagecacheMb = 128;
    boolean watchStdin = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--home" -> home = Path.of(args[++i]);
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--pagecache-mb" -> pagecacheMb = Long.parseLong(args[++i]);
        case "--no-stdin-watch" -> watchStdin = false;
        default -> fail("BAD_ARGUMENT", "unknown argument " + args[i]);
      }
    }
    if (home == null) fail("BAD_ARGUMENT", "--home DIR is required");
    if (port < 0 || port > 65535) fail("BAD_ARGUMENT", "--port must be between 0 and 65535, got " + port);

    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    // Checked before Neo4j starts so the message names the port instead of a Netty stack trace.
    if (port != 0 && !portIsFree(loopback, port)) {
      fail("PORT_IN_USE", "127.0.0.1:" + port + " is already in use");
    }
    Files.createDirectories(home);

    DatabaseManagementService service;
    try {
      service = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
          // Auth is off because Bolt listens on loopback only (see README, "Local Neo4j").
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMb * 1024 * 1024)
          // A load is one transaction holding everything it writes: kept off the heap, it costs the
          // collector nothing (on the heap, collection pauses took a third of the ×1000 load).
          .setConfig(GraphDatabaseSettings.tx_state_memory_allocation, GraphDatabaseSettings.TransactionStateMemoryAllocation.OFF_HEAP)
          // Netty's event loops wait for 5 quiet seconds before they stop, twice (boss and workers): ten
          // seconds of every stop, though the API has closed its driver before it stops Neo4j.
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
          .build();
    } catch (Throwable e) {
      fail("START_FAILED", describe(e));
      return;
    }

    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.shutdown();
      stop.countDown();
    }, "neo4j-local-shutdown"));

    GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
      fail("START_FAILED", "database 'neo4j' did not become available within 2 minutes; see " + home.resolve("logs"));
    }
    var address = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
        .getLocalAddress(ConnectorType.BOLT);
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + address.getPort());
    System.out.flush();

    if (watchStdin) {
      Thread watcher = new Thread(() -> {
        drain(System.in);
        System.exit(0); // runs the shutdown hook
      }, "neo4j-local-stdin-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    stop.await();
  }

  private static boolean portIsFree(InetAddress address, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void drain(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Input is ignored; only its end matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone, same as end of input.
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return e.getClass().getSimpleName() + ": " + e.getMessage()
        + (root != e ? " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
  }

  private static void fail(String code, String message) {
    System.out.println("NEO4J_ERROR " + code + " " + message.replace('\n', ' '));
    System.out.flush();
    System.exit(2);
  }
}
