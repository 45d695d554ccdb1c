/**
 * The fixed maxima of relationship fields (RelationshipFieldSpec.max), enforced on the data: a field that
 * promises at most N items (and costs N in a query's estimate) never has more to show.
 */
import type { Model } from '../model/model.js';
import type { NodeRecord, RelationshipRecord, ValidationProblem } from './validate.js';

export function checkRelationshipFieldSizes(model: Model, nodes: NodeRecord[], relationships: RelationshipRecord[]): ValidationProblem[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const problems: ValidationProblem[] = [];
  for (const label of model.labels) {
    for (const [name, field] of Object.entries(label.api.fields)) {
      if (field.max === undefined) continue;
      const counts = new Map<string, number>();
      for (const rel of relationships) {
        if (!field.types.includes(rel.type)) continue;
        const [self, other] = field.direction === 'OUT' ? [rel.from, rel.to] : [rel.to, rel.from];
        if (byId.get(self)?.label !== label.label) continue;
        if (field.target !== null && byId.get(other)?.label !== field.target) continue;
        counts.set(self, (counts.get(self) ?? 0) + 1);
      }
      for (const [id, count] of counts) {
        if (count <= field.max) continue;
        const node = byId.get(id)!;
        problems.push({
          file: node.file,
          entry: id,
          field: 'links',
          message: `${label.label}.${name} shows at most ${field.max} (${field.types.join(', ')}${field.direction === 'IN' ? ', reversed' : ''}), this entry has ${count}: raise its max in src/model/model.ts or fix the data`,
        });
      }
    }
  }
  return problems;
}
