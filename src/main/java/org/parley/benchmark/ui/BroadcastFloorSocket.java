package org.parley.benchmark.ui;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor for delivery latency: the least a server can do to get text from one browser to many — every text
 * received is written to every open socket, with no session state, no database and no UI. Parley's benchmarks
 * compare its own delivery with this on the same server and machine. Exists only when
 * {@code parley.benchmark.broadcast-floor=true} (see {@link BroadcastFloorConfig}); signed-in users only.
 */
@ServerEndpoint("/benchmark/broadcast")
public class BroadcastFloorSocket {

    private static final Set<Session> OPEN = ConcurrentHashMap.newKeySet();

    @OnOpen
    public void open(Session session) {
        OPEN.add(session);
    }

    @OnClose
    public void close(Session session) {
        OPEN.remove(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        OPEN.remove(session);
    }

    @OnMessage
    public void broadcast(String text) {
        for (Session session : OPEN) {
            // One write at a time per socket, as Vaadin's push does per UI.
            synchronized (session) {
                try {
                    if (session.isOpen()) {
                        session.getBasicRemote().sendText(text);
                    }
                } catch (IOException gone) {
                    OPEN.remove(session);
                }
            }
        }
    }
}
