package io.live2.billing.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local stand-in for the handful of Stripe endpoints the service calls, so tests and the drills (`live drill
 * replays`) never reach the internet; the service itself never starts one:
 * POST /v1/checkout/sessions, POST /v1/billing_portal/sessions, GET /v1/subscriptions/{id}; anything else gets
 * Stripe's 404 error shape. Answers Stripe-shaped JSON, refuses a wrong {@code Authorization: Bearer} key with 401
 * (echoing the key, as a worst case for error messages), and records every request for assertions.
 *
 * <pre>{@code
 * try (var stripe = new StripeStub("sk_test_x")) {
 *     var gateway = new StripeGateway("sk_test_x", stripe.apiBase());
 *     ...
 * }
 * }</pre>
 */
public final class StripeStub implements AutoCloseable {

    /** One request as received: form parameters decoded (Stripe's nested keys kept flat, e.g. line_items[0][price]). */
    public record RecordedRequest(String method, String path, String authorization, Map<String, String> form) {
        public String param(String key) {
            return form.get(key);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secretKey;
    private final HttpServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> subscriptions = new ConcurrentHashMap<>();
    private final AtomicReference<Integer> failNext = new AtomicReference<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /** Starts on 127.0.0.1 and a free port, accepting {@code secretKey}. */
    public StripeStub(String secretKey) {
        this.secretKey = secretKey;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Stripe stub", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address to give {@link StripeGateway} as its API base. */
    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What GET /v1/subscriptions/{id} answers for this subscription (the current item shape: period end on items). */
    public void putSubscription(StripeSubscriptionState state) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "si_" + state.subscriptionId());
        item.put("object", "subscription_item");
        item.put("price", state.priceId() == null ? null : Map.of("id", state.priceId(), "object", "price"));
        item.put("quantity", 1);
        if (state.currentPeriodEnd() != null) {
            item.put("current_period_end", state.currentPeriodEnd().getEpochSecond());
            item.put("current_period_start", state.currentPeriodEnd().getEpochSecond() - 30L * 86_400);
        }
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("id", state.subscriptionId());
        subscription.put("object", "subscription");
        subscription.put("customer", state.customerId());
        subscription.put("status", state.status());
        subscription.put("cancel_at_period_end", state.cancelAtPeriodEnd());
        subscription.put("livemode", false);
        subscription.put("metadata", state.userId() == null ? Map.of() : Map.of("user_id", state.userId()));
        subscription.put("items", Map.of("object", "list", "has_more", false,
                "url", "/v1/subscription_items?subscription=" + state.subscriptionId(), "data", List.of(item)));
        putSubscriptionJson(state.subscriptionId(), json(subscription));
    }

    /** Any JSON for a subscription, e.g. an older API version's shape with current_period_end on the subscription. */
    public void putSubscriptionJson(String subscriptionId, String json) {
        subscriptions.put(subscriptionId, json);
    }

    /**
     * The next request gets this HTTP status with a Stripe error body and {@code Stripe-Should-Retry: false}, so
     * stripe-java's own retries do not hide it (real Stripe sends that header on errors a retry cannot fix).
     */
    public void failNext(int status) {
        failNext.set(status);
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The latest request to {@code path}. */
    public Optional<RecordedRequest> lastRequest(String path) {
        List<RecordedRequest> all = requests();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).path().equals(path)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Map<String, String> form = decodeForm(method.equals("GET")
                    ? Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("")
                    : readBody(exchange.getRequestBody()));
            requests.add(new RecordedRequest(method, path, authorization, form));

            Integer injected = failNext.getAndSet(null);
            if (injected != null) {
                exchange.getResponseHeaders().add("Stripe-Should-Retry", "false");
                error(exchange, injected, injected >= 500 ? "api_error" : "invalid_request_error", null,
                        "Injected failure (HTTP " + injected + ")");
                return;
            }
            if (!("Bearer " + secretKey).equals(authorization)) {
                String given = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
                error(exchange, 401, "invalid_request_error", null, "Invalid API Key provided: " + given);
                return;
            }
            if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
                checkoutSession(exchange, form);
            } else if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
                portalSession(exchange, form);
            } else if (method.equals("GET") && path.startsWith("/v1/subscriptions/")) {
                String id = path.substring("/v1/subscriptions/".length());
                String body = subscriptions.get(id);
                if (body == null) {
                    error(exchange, 404, "invalid_request_error", "resource_missing", "No such subscription: '" + id + "'");
                } else {
                    respond(exchange, 200, body);
                }
            } else {
                error(exchange, 404, "invalid_request_error", null,
                        "Unrecognized request URL (" + method + ": " + path + ").");
            }
        }
    }

    private void checkoutSession(HttpExchange exchange, Map<String, String> form) throws IOException {
        String id = "cs_test_" + sequence.incrementAndGet();
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("mode", form.get("mode"));
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("customer", form.get("customer"));
        session.put("customer_email", form.get("customer_email"));
        session.put("success_url", form.get("success_url"));
        session.put("cancel_url", form.get("cancel_url"));
        session.put("status", "open");
        session.put("url", "https://checkout.stripe.test/c/pay/" + id);
        respond(exchange, 200, json(session));
    }

    private void portalSession(HttpExchange exchange, Map<String, String> form) throws IOException {
        String id = "bps_test_" + sequence.incrementAndGet();
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", id);
        session.put("object", "billing_portal.session");
        session.put("customer", form.get("customer"));
        session.put("return_url", form.get("return_url"));
        session.put("url", "https://billing.stripe.test/p/session/" + id);
        respond(exchange, 200, json(session));
    }

    private static void error(HttpExchange exchange, int status, String type, String code, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        respond(exchange, status, json(Map.of("error", error)));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_stub_" + System.identityHashCode(exchange));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> decodeForm(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
