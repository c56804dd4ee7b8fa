/**
 * Every shipped framework, every version kept. Stored assessments name the
 * framework id and version they were answered with; an old version must keep
 * scoring exactly as it did, so versions are added, never edited or removed.
 */
import { dbiSme2021 } from './dbi-sme-2021/index.ts';
import { producerV1 } from './producer.ts';
import { smeTools } from './sme-tools.ts';
import { parseFramework } from '#src/domain/framework/schema.ts';
import type { Framework } from '#src/domain/framework/schema.ts';

export interface FrameworkRegistry {
  /** The newest version of each framework, in registration order of the ids. */
  listFrameworks(): readonly Framework[];
  /** A given version, or the newest when `version` is omitted; undefined when unknown. */
  getFramework(id: string, version?: number): Framework | undefined;
  /** All versions of one framework, oldest first. */
  listVersions(id: string): readonly Framework[];
  /**
   * Adds a framework at run time (an uploaded file once published). Validated and frozen like the shipped
   * ones; throws when the id+version exists or the version is not newer than every version of that id.
   */
  add(data: unknown): Framework;
}

/** The data modules shipped with the portal, validated when the registry is built. */
export const SHIPPED_FRAMEWORKS: readonly unknown[] = [dbiSme2021, producerV1, smeTools];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Builds a registry from framework data. Each one goes through
 * `parseFramework` (throws on the first broken one) and is frozen so a caller
 * cannot change how everybody else is scored. A repeated id+version throws.
 */
export function createRegistry(frameworks: readonly unknown[]): FrameworkRegistry {
  const byId = new Map<string, Framework[]>();
  for (const data of frameworks) {
    const framework = deepFreeze(parseFramework(data));
    const versions = byId.get(framework.id) ?? [];
    if (versions.some((f) => f.version === framework.version)) {
      throw new Error(`Framework "${framework.id}" version ${framework.version} is registered twice`);
    }
    versions.push(framework);
    versions.sort((a, b) => a.version - b.version);
    byId.set(framework.id, versions);
  }
  const newest = (versions: readonly Framework[]): Framework => versions[versions.length - 1]!;
  let latest = Object.freeze([...byId.values()].map(newest));

  return {
    listFrameworks: () => latest,
    add(data) {
      const framework = deepFreeze(parseFramework(data));
      const versions = byId.get(framework.id) ?? [];
      const top = versions.length ? newest(versions).version : 0;
      if (framework.version <= top) {
        throw new Error(`Framework "${framework.id}" version ${framework.version} is not newer than version ${top}`);
      }
      byId.set(framework.id, [...versions, framework]);
      latest = Object.freeze([...byId.values()].map(newest));
      return framework;
    },
    getFramework(id, version) {
      const versions = byId.get(id);
      if (!versions) return undefined;
      return version === undefined ? newest(versions) : versions.find((f) => f.version === version);
    },
    listVersions: (id) => Object.freeze([...(byId.get(id) ?? [])]),
  };
}

/** The portal's registry. */
export const frameworkRegistry: FrameworkRegistry = createRegistry(SHIPPED_FRAMEWORKS);

export const listFrameworks = (): readonly Framework[] => frameworkRegistry.listFrameworks();
export const getFramework = (id: string, version?: number): Framework | undefined => frameworkRegistry.getFramework(id, version);
