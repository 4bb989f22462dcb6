// Live-region helpers, DOM-free: a screen reader hears a region each time its text is written, so text that did not
// change is not written again.

/** A gate that passes a text only when it differs from the one passed before: gate(text) -> true when it changed. */
export function changeGate(initial = null) {
  let last = initial;
  const gate = (text) => {
    const t = text ?? null;
    if (t === last) return false;
    last = t;
    return true;
  };
  gate.reset = () => { last = initial; };
  return gate;
}
