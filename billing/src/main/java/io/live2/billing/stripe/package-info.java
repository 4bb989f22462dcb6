/** The Stripe adapter: checkout and portal sessions, webhook verification, the subscription state machine. */
package io.live2.billing.stripe;
