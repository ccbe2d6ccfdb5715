package org.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.support.ShownText;

/**
 * One signed-in Parley user without a browser. It speaks what Vaadin's own client speaks: the login form (with its
 * CSRF token), the bootstrap request ({@code v-r=init}: UI id, security key, push id), the router's navigation
 * event, UIDL requests with their sync and client ids, and the Atmosphere push connection over WebSocket or long
 * polling ({@link PushConnection}). It applies the server's messages in sync id order as
 * Vaadin's client does, resynchronising after a gap of 5 s ({@link SyncOrder}), and notes the moment each chat
 * message arrives; it does not render anything. One {@link HttpClient} serves every client of a run, so thousands
 * fit in one JVM.
 */
final class LightClient {

    enum Transport {
        WEBSOCKET,
        LONG_POLLING
    }

    /** What a client learns from the server: a chat message text in a push or in a response, and when. */
    interface Listener {
        void message(LightClient client, String text, long arrivedEpochMicros, boolean pushed);

        /**
         * A text in the whole state the server sent back after the client resynchronised (a push went missing); it
         * may have been shown before.
         */
        default void resynced(LightClient client, String text, long arrivedEpochMicros) {
            message(client, text, arrivedEpochMicros, false);
        }

        /** Every UIDL message whole (a push, or the answer to a request), before its texts are reported. */
        default void uidl(LightClient client, String json, boolean pushed) {}

        default void disconnected(LightClient client, Throwable cause) {}
    }

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    /** Heartbeats and the sync order's give-up timers of every client. */
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("light-timers").factory());

    private static final String CLIENT_DETAILS = "&query=&v-sh=900&v-sw=1440&v-wh=800&v-ww=1400&v-bh=800&v-bw=1400"
            + "&v-curdate=0&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux"
            // Page visibility: VISIBLE (people looking, so their tabs read what arrives) unless -Dbench.visibility.
            + "&v-cs=light&v-pv=" + System.getProperty("bench.visibility", "VISIBLE")
            + "&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT"
            + "&v-wla=SUPPORTED&v-ws=false&v-wn=";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\":\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");
    private static final Pattern MESSAGE_INPUT = Pattern.compile(
            "\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":0,\"value\":\"vaadin-message-input\"}");
    /** A MessageList item's text (conversation previews are node text, "value", so they do not match). */
    private static final Pattern ITEM_TEXT = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final URI base;
    private final String clientIdExpression;
    private volatile Listener listener;
    private String session;
    private int uiId;
    private String securityKey;
    private String pushId;
    private final SyncOrder order = new SyncOrder(new Applier(), TIMERS, SyncOrder.SUSPEND_TIMEOUT_MILLIS);
    private int nextClientId;
    private int messageInputNode = -1;
    private volatile boolean closed;
    private volatile PushConnection push;
    private volatile String username;
    private java.util.concurrent.ScheduledFuture<?> heartbeat;
    private volatile long pushedBytes;

    LightClient(String baseUrl, String clientIdExpression, Listener listener) {
        this.base = URI.create(baseUrl);
        this.clientIdExpression = clientIdExpression;
        this.listener = listener;
    }

    String username() {
        return username;
    }

    long pushedBytes() {
        return pushedBytes;
    }

    /** Times this client gave up waiting for a missing message and asked for the whole state again. */
    int resyncs() {
        return order.resyncs();
    }

    /** Server messages that arrived before an earlier one and waited for it. */
    int heldBack() {
        return order.heldBackCount();
    }

    void listener(Listener listener) {
        this.listener = listener;
    }

    /** Signs in through the login form, as the login page does. */
    void signIn(String username, String password) throws IOException, InterruptedException {
        this.username = username;
        HttpResponse<String> login = HTTP.send(getRequest("login"), HttpResponse.BodyHandlers.ofString());
        remember(login);
        Matcher csrf = CSRF.matcher(login.body());
        if (login.statusCode() != 200 || !csrf.find()) {
            throw new IOException("No login page (HTTP " + login.statusCode() + ")");
        }
        String form =
                "_csrf=" + encode(csrf.group(1)) + "&username=" + encode(username) + "&password=" + encode(password);
        HttpResponse<String> signedIn = HTTP.send(
                request("login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        remember(signedIn);
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("login")) {
            throw new IOException(
                    "Sign-in refused for " + username + " (" + signedIn.statusCode() + " " + location + ")");
        }
    }

    /**
     * Opens a route the way the browser does: the bootstrap request, then the router's navigation event. Returns
     * the response of the navigation; message texts in it are reported as not pushed.
     */
    synchronized String open(String route) throws IOException, InterruptedException {
        HttpResponse<String> init = HTTP.send(
                getRequest("?v-r=init&location=" + encode(route) + CLIENT_DETAILS + "v-" + Math.random()),
                HttpResponse.BodyHandlers.ofString());
        remember(init);
        String body = init.body();
        Matcher ui = UI_ID.matcher(body);
        Matcher key = SECURITY_KEY.matcher(body);
        Matcher push = PUSH_ID.matcher(body);
        if (init.statusCode() != 200 || !ui.find() || !key.find() || !push.find()) {
            throw new IOException("Bootstrap failed (HTTP " + init.statusCode() + ")");
        }
        uiId = Integer.parseInt(ui.group(1));
        securityKey = key.group(1);
        pushId = push.group(1);
        // The bootstrap carries the UI's first message; the navigation's answer is the next one.
        Matcher sync = SYNC_ID.matcher(body);
        order.reset(sync.find() ? Integer.parseInt(sync.group(1)) : 0);
        nextClientId = 0;
        String navigation = rpc("{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":"
                + Results.quote("/" + route) + ",\"query\":\"\",\"appShellTitle\":\"Parley\","
                + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}");
        Matcher input = MESSAGE_INPUT.matcher(navigation);
        messageInputNode = input.find() ? Integer.parseInt(input.group(1)) : -1;
        if (heartbeat == null) {
            // Vaadin closes a UI after three missed heartbeats (5 minutes apart).
            heartbeat = TIMERS.scheduleAtFixedRate(this::heartbeat, 240, 240, TimeUnit.SECONDS);
        }
        return navigation;
    }

    boolean hasComposer() {
        return messageInputNode >= 0;
    }

    /**
     * Sends a chat message as the composer does (its submit event with the text and a client-made id). Returns the
     * server's response, which holds the sender's own message once the server stored it.
     */
    synchronized String send(String text, String clientId) throws IOException, InterruptedException {
        if (messageInputNode < 0) {
            throw new IllegalStateException("No composer on this page");
        }
        return rpc("{\"type\":\"event\",\"node\":" + messageInputNode + ",\"event\":\"submit\",\"data\":{"
                + "\"event.detail.value\":" + Results.quote(text) + "," + Results.quote(clientIdExpression) + ":"
                + Results.quote(clientId) + "}}");
    }

    /** Whether the server's answer to a send shows the message (the sender's own list gets it after the commit). */
    static boolean shows(String response, String text) {
        Matcher item = ITEM_TEXT.matcher(response);
        while (item.find()) {
            if (ShownText.of(unescape(item.group(1))).equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** One UIDL request; its answer goes through the sync order like a push (its texts reported as not pushed). */
    private String rpc(String invocation) throws IOException, InterruptedException {
        return uidlRequest("\"rpc\":[" + invocation + "]");
    }

    /**
     * What Vaadin's client does when it gave up waiting for a message: an empty UIDL request asking for the whole
     * state. The answer ("resynchronize":true, the full state and the current sync id) is applied through the sync
     * order, and the message texts in it reported as {@link Listener#resynced}.
     */
    private synchronized void resynchronize() {
        if (closed || securityKey == null) {
            return;
        }
        try {
            uidlRequest("\"rpc\":[],\"resynchronize\":true");
        } catch (IOException | RuntimeException failed) {
            order.resyncFailed();
            disconnected(failed);
        } catch (InterruptedException interrupted) {
            order.resyncFailed();
            Thread.currentThread().interrupt();
        }
    }

    private String uidlRequest(String content) throws IOException, InterruptedException {
        int generation = order.generation();
        String payload = "{\"csrfToken\":\"" + securityKey + "\"," + content + ",\"syncId\":" + order.lastSeen()
                + ",\"clientId\":" + nextClientId + "}";
        HttpResponse<String> response = HTTP.send(
                request("?v-r=uidl&v-uiId=" + uiId)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (response.statusCode() != 200) {
            throw new IOException("UIDL request failed: HTTP " + response.statusCode());
        }
        Matcher client = CLIENT_ID.matcher(body);
        if (client.find()) {
            nextClientId = Integer.parseInt(client.group(1));
        }
        order.accept(uidl(body, epochMicros(), false), generation);
        if (body.contains("\"meta\":{\"sessionExpired\":true}") || body.contains("\"appError\"")) {
            throw new IOException("Vaadin refused the request: " + body.substring(0, Math.min(300, body.length())));
        }
        return body;
    }

    private void heartbeat() {
        if (closed) {
            return;
        }
        HTTP.sendAsync(
                request("?v-r=heartbeat&v-uiId=" + uiId)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Opens the push connection for the page last opened (dropping any earlier one); returns after the handshake. */
    void connectPush(Transport transport) throws IOException, InterruptedException {
        // Frames still arriving on an abandoned connection belong to an earlier UI.
        int generation = order.generation();
        PushConnection connection =
                new PushConnection(base, session, uiId, pushId, order::lastSeen, new PushConnection.Receiver() {
                    @Override
                    public void message(String json, long at) {
                        pushedBytes += json.length();
                        order.accept(uidl(json, at, true), generation);
                    }

                    @Override
                    public void disconnected(Throwable cause) {
                        LightClient.this.disconnected(cause);
                    }
                });
        PushConnection previous = push;
        push = connection;
        if (previous != null) {
            previous.close();
        }
        connection.connect(transport);
    }

    /**
     * Joins the bare WebSocket broadcast ({@code /benchmark/broadcast}, the latency floor) with this session;
     * every text it delivers is reported as a pushed message.
     */
    WebSocket joinBroadcastFloor() throws IOException {
        URI uri = URI.create("ws://" + base.getAuthority() + "/benchmark/broadcast");
        try {
            return HTTP.newWebSocketBuilder()
                    .header("Cookie", "JSESSIONID=" + session)
                    .buildAsync(uri, new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                listener.message(LightClient.this, text.toString(), epochMicros(), true);
                                text.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IOException("Broadcast floor WebSocket failed", failed);
        }
    }

    private static SyncOrder.Uidl uidl(String json, long at, boolean pushed) {
        Matcher sync = SYNC_ID.matcher(json);
        int syncId = sync.find() ? Integer.parseInt(sync.group(1)) : -1;
        return new SyncOrder.Uidl(json, syncId, at, pushed, json.contains("\"resynchronize\":true"));
    }

    /** Reports each server message, in sync id order (under the order's lock), to the listener. */
    private final class Applier implements SyncOrder.Handler {
        @Override
        public void apply(SyncOrder.Uidl message, long at) {
            Listener to = listener;
            to.uidl(LightClient.this, message.json(), message.pushed());
            if (!message.json().contains("\"text\":\"")) {
                return;
            }
            Matcher text = ITEM_TEXT.matcher(message.json());
            while (text.find()) {
                if (message.resync()) {
                    to.resynced(LightClient.this, ShownText.of(unescape(text.group(1))), at);
                } else {
                    to.message(LightClient.this, ShownText.of(unescape(text.group(1))), at, message.pushed());
                }
            }
        }

        @Override
        public void resynchronize() {
            // Not on the timer thread: the request waits for any request of this client in flight.
            Thread.ofVirtual().name("resync-" + username).start(LightClient.this::resynchronize);
        }
    }

    private void disconnected(Throwable cause) {
        if (!closed) {
            listener.disconnected(this, cause);
        }
    }

    /** Texts of the MessageList items in a response, in list order. */
    static List<String> itemTexts(String json) {
        List<String> texts = new ArrayList<>();
        Matcher text = ITEM_TEXT.matcher(json);
        while (text.find()) {
            texts.add(unescape(text.group(1)));
        }
        return texts;
    }

    /** Leaves like a closing tab: tells Vaadin the UI is gone (so it is freed at once), then drops the push. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        order.reset(0);
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (securityKey != null) {
            HTTP.sendAsync(
                    request("?v-r=uidl&v-uiId=" + uiId)
                            .header("Content-Type", "application/json; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[],\"UNLOAD\":true}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        PushConnection open = push;
        if (open != null) {
            open.close();
        }
    }

    /** Drops everything without a word, as when the server died: the next {@link #open} starts over. */
    void abandon() {
        order.reset(0);
        PushConnection open = push;
        push = null;
        if (open != null) {
            open.close();
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void remember(HttpResponse<?> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher id = SESSION.matcher(cookie);
            if (id.find()) {
                session = id.group(1);
            }
        }
    }

    /**
     * A GET of {@code path} (relative to the server's root) on this client's session, e.g. the benchmark trace;
     * returns the body, or fails unless the answer is 200.
     */
    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(getRequest(path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private HttpRequest getRequest(String path) {
        return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (session != null) {
            builder.header("Cookie", "JSESSIONID=" + session);
        }
        return builder;
    }

    static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String json) {
        if (json.indexOf('\\') < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                char next = json.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
