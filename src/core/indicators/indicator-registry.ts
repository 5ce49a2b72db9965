import { Injectable } from '@nestjs/common';
import type { IndicatorGroupDefinition } from './indicator-group.definition';

/** The indicator groups that modules registered at start, in programme order. */
@Injectable()
export class IndicatorRegistry {
  private readonly groups = new Map<string, IndicatorGroupDefinition>();

  register(definition: IndicatorGroupDefinition): void {
    const existing = this.groups.get(definition.slug);
    if (existing && existing !== definition) {
      throw new Error(`Indicator group "${definition.slug}" is registered twice`);
    }
    const sameNumber = [...this.groups.values()].find(
      (g) => g.number === definition.number && g.slug !== definition.slug,
    );
    if (sameNumber) {
      throw new Error(
        `Indicator groups "${sameNumber.slug}" and "${definition.slug}" both claim number ${definition.number}`,
      );
    }
    this.groups.set(definition.slug, definition);
  }

  list(): IndicatorGroupDefinition[] {
    return [...this.groups.values()].sort((a, b) => a.number - b.number);
  }

  find(slug: string): IndicatorGroupDefinition | undefined {
    return this.groups.get(slug);
  }
}
