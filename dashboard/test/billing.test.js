import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutNotice } from '../src/pages/billing.js';

test("a return from Stripe Checkout is explained; other visits say nothing", () => {
  assert.match(checkoutNotice({ checkout: 'done' }), /payment went through/);
  assert.match(checkoutNotice({ checkout: 'canceled' }), /nothing was charged/);
  assert.equal(checkoutNotice({}), null);
  assert.equal(checkoutNotice({ checkout: '<b>x</b>' }), null);
});
