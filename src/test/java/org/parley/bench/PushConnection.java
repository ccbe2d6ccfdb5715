package org.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One Vaadin UI's Atmosphere push connection, as Vaadin's client opens it: {@code VAADIN/push} with the UI's id and
 * push id, over WebSocket or long polling (one request at a time, re-opened as soon as the previous one answers),
 * Atmosphere's handshake ({@code trackingId|0|X|}) and its length-prefixed messages ({@code length|message}). It
 * hands each whole server message on, with the moment its frame arrived; what the messages mean is
 * {@link LightClient}'s business. Closed, it stops and reports nothing more.
 */
final class PushConnection {

    /** Where the server's messages go. */
    interface Receiver {
        /** A whole UIDL message; {@code at}: when the frame carrying its end arrived (epoch microseconds). */
        void message(String json, long at);

        /** The connection failed or the server closed it. */
        void disconnected(Throwable cause);
    }

    private static final HttpClient HTTP = LightClient.HTTP;

    private final URI base;
    private final String session;
    private final int uiId;
    private final String pushId;
    /** The last server sync id the client has seen, sent along when (re)connecting. */
    private final IntSupplier lastSeenSyncId;

    private final Receiver receiver;
    private final StringBuilder buffer = new StringBuilder();
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private volatile String trackingId = "0";
    private volatile WebSocket socket;
    private volatile boolean closed;

    PushConnection(URI base, String session, int uiId, String pushId, IntSupplier lastSeenSyncId, Receiver receiver) {
        this.base = base;
        this.session = session;
        this.uiId = uiId;
        this.pushId = pushId;
        this.lastSeenSyncId = lastSeenSyncId;
        this.receiver = receiver;
    }

    /** Opens the connection; returns once Atmosphere's handshake arrived. */
    void connect(LightClient.Transport transport) throws IOException, InterruptedException {
        if (transport == LightClient.Transport.WEBSOCKET) {
            URI uri = URI.create("ws://" + base.getAuthority() + "/" + query("websocket", "0"));
            try {
                socket = HTTP.newWebSocketBuilder()
                        .header("Cookie", "JSESSIONID=" + session)
                        .connectTimeout(Duration.ofSeconds(20))
                        .buildAsync(uri, new Socket())
                        .get(30, TimeUnit.SECONDS);
            } catch (Exception failed) {
                throw new IOException("Push WebSocket failed", failed);
            }
        } else {
            poll();
        }
        try {
            handshake.get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IOException("No push handshake", failed);
        }
    }

    /** Drops the connection without a word (a long poll in flight is left to time out). */
    void close() {
        closed = true;
        WebSocket open = socket;
        socket = null;
        if (open != null) {
            open.abort();
        }
        synchronized (buffer) {
            buffer.setLength(0);
        }
    }

    private String query(String atmosphereTransport, String tracking) {
        return "VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId=" + pushId + "&X-Atmosphere-tracking-id=" + tracking
                + "&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=" + atmosphereTransport
                + "&X-Atmosphere-TrackMessageSize=true&Content-Type=application%2Fjson%3B%20charset%3DUTF-8"
                + "&X-atmo-protocol=true&X-Vaadin-LastSeenServerSyncId=" + lastSeenSyncId.getAsInt();
    }

    /** Long polling: one request at a time, re-opened as soon as the previous one answers. */
    private void poll() {
        if (closed) {
            return;
        }
        HTTP.sendAsync(
                        HttpRequest.newBuilder(
                                        base.resolve(query("long-polling", trackingId) + "&_=" + System.nanoTime()))
                                .header("Cookie", "JSESSIONID=" + session)
                                .timeout(Duration.ofSeconds(120))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> {
                    if (closed) {
                        return;
                    }
                    if (failure != null || response.statusCode() != 200) {
                        Throwable cause = failure != null ? failure : new IOException("HTTP " + response.statusCode());
                        handshake.completeExceptionally(cause);
                        receiver.disconnected(cause);
                        return;
                    }
                    received(response.body().stripLeading(), LightClient.epochMicros());
                    poll();
                });
    }

    private final class Socket implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received(data, LightClient.epochMicros());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closed) {
                receiver.disconnected(new IOException("Push closed: " + statusCode + " " + reason));
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            handshake.completeExceptionally(error);
            if (!closed) {
                receiver.disconnected(error);
            }
        }
    }

    /** Atmosphere frames each message as {@code length|message}; a WebSocket frame may hold parts or several. */
    private void received(CharSequence data, long at) {
        synchronized (buffer) {
            if (closed) {
                return;
            }
            buffer.append(data);
            while (true) {
                int bar = buffer.indexOf("|");
                if (bar < 0) {
                    return;
                }
                int length;
                try {
                    length = Integer.parseInt(buffer.substring(0, bar).trim());
                } catch (NumberFormatException notFramed) {
                    buffer.setLength(0);
                    return;
                }
                if (buffer.length() < bar + 1 + length) {
                    return;
                }
                String message = buffer.substring(bar + 1, bar + 1 + length);
                buffer.delete(0, bar + 1 + length);
                if (message.startsWith("{")) {
                    receiver.message(message, at);
                } else if (message.contains("|")) {
                    // Atmosphere's handshake: "trackingId|0|X|".
                    trackingId = message.substring(0, message.indexOf('|'));
                    handshake.complete(null);
                }
            }
        }
    }
}
