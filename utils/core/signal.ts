// "Something changed" with listeners that are awaited: whoever announces a change returns only
// once the features that follow it (the pre-load rules, the menus) have caught up, so a reply
// never races the rules it implies.

export class Signal<T = void> {
  private readonly listeners: ((value: T) => Promise<unknown>)[] = [];

  subscribe(listener: (value: T) => Promise<unknown>): void {
    this.listeners.push(listener);
  }

  async emit(value: T): Promise<void> {
    for (const listener of this.listeners) await listener(value);
  }
}
