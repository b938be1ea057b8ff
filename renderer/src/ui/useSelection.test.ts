import { describe, expect, it } from 'vitest';
import { toggleAllShown, visibleSelection } from './useSelection';

describe('visibleSelection', () => {
  it('acts only on ticked rows that are shown, and counts the hidden ones', () => {
    const shownRows = [{ id: 'b' }, { id: 'c' }];
    expect(visibleSelection(shownRows, (r) => r.id, new Set(['a', 'b']))).toEqual({ shown: [{ id: 'b' }], hidden: 1 });
    expect(visibleSelection(shownRows, (r) => r.id, new Set())).toEqual({ shown: [], hidden: 0 });
    expect(visibleSelection([], (r: { id: string }) => r.id, new Set(['a']))).toEqual({ shown: [], hidden: 1 });
  });
});

describe('toggleAllShown', () => {
  it('ticks every shown row and keeps hidden ticks; a second toggle unticks only the shown ones', () => {
    const once = toggleAllShown(['b', 'c'], new Set(['a']));
    expect([...once].sort()).toEqual(['a', 'b', 'c']);
    expect([...toggleAllShown(['b', 'c'], once)]).toEqual(['a']);
    expect([...toggleAllShown([], new Set(['a']))]).toEqual(['a']);
  });
});
