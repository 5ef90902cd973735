/**
 * Ports: how one capability reaches another without importing it.
 *
 * A port is a typed socket declared by the module that needs something (the consumer defines the
 * contract, in its own layer or below): the tagging operations need "resource types that carry
 * tags", the Run Command engine needs "simulators of document plugins", fleet targeting needs
 * "which nodes are in a resource group". Capability areas plug implementations in through their
 * Area's `provides` list:
 *
 *   // sim/commands/plugins.ts (the consumer owns the contract)
 *   export const commandPlugins = definePort<CommandPluginRegistration>('commands.plugins');
 *
 *   // services/inventory/index.ts (a provider)
 *   export const inventoryArea: Area = { name: 'inventory', provides: [commandPlugins.provide({ plugin: 'aws:softwareInventory', simulator })] };
 *
 *   // the consumer, at run time
 *   for (const reg of ctx.emu.ports.all(commandPlugins)) ...
 *
 * An area that is not loaded provides nothing, so the consumer sees "no such resource type" or "not
 * simulated" — the honest answer — instead of failing to import. Ports are collected once, when an
 * emulator is created, in the order the areas are listed.
 */

export interface Port<T> {
  readonly name: string;
  /** A binding of an implementation to this port, for an Area's `provides` list. */
  provide(impl: T): PortBinding<T>;
}

export interface PortBinding<T = unknown> {
  readonly port: Port<T>;
  readonly impl: T;
}

const portNames = new Set<string>();

/** Declares a port. Names are unique in the process (the module that declares one owns it). */
export function definePort<T>(name: string): Port<T> {
  if (portNames.has(name)) throw new Error(`port ${name} is declared twice`);
  portNames.add(name);
  const port: Port<T> = { name, provide: (impl) => ({ port, impl }) };
  return port;
}

/** What every area provides, by port. */
export class PortRegistry {
  private readonly byPort = new Map<Port<unknown>, unknown[]>();

  constructor(bindings: Iterable<PortBinding>) {
    for (const b of bindings) {
      let list = this.byPort.get(b.port);
      if (!list) this.byPort.set(b.port, (list = []));
      list.push(b.impl);
    }
  }

  /** Every implementation bound to the port, in area order (empty when no area provides it). */
  all<T>(port: Port<T>): readonly T[] {
    return (this.byPort.get(port) as T[] | undefined) ?? [];
  }

  /** The implementation of a port that has at most one (the last area listed wins), or undefined. */
  one<T>(port: Port<T>): T | undefined {
    const list = this.byPort.get(port) as T[] | undefined;
    return list?.[list.length - 1];
  }
}
