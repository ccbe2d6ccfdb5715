package org.parley.base.ui;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.atmosphere.cpr.AtmosphereConfig;
import org.atmosphere.cpr.AtmosphereResource;
import org.atmosphere.cpr.AtmosphereResourceEvent;
import org.atmosphere.cpr.Broadcaster;
import org.atmosphere.cpr.DefaultBroadcaster;
import org.atmosphere.cpr.Deliver;
import org.parley.base.service.DeliveryTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atmosphere's broadcaster, which carries every Vaadin push to its browser, with three faults of the one Vaadin
 * 25.2 ships (Atmosphere 3.0.5) put right. Installed by {@link PushSettings}.
 * <ol>
 * <li><b>Writers no longer linger.</b> Each browser's writes run on a pool of 200 threads, and the stock writer
 * kept its thread for the broadcaster's wait time (100 ms) after its last write, in case more came. A message to
 * a group reaches one browser per member at once, so members 201 and up waited for those threads: 100 ms more
 * per 200 members (the fan-out to 1,000 took over half a second for that alone). Here a writer returns its
 * thread as soon as its queue is empty.</li>
 * <li><b>No lost wake-up, no second dispatcher.</b> The stock dispatch loop left when it had waited in vain, and
 * a message offered just then found the loop "still running" and waited for the next message anywhere in the
 * application; two messages offered together could also start two loops, and overtake each other.</li>
 * <li><b>No false alarm after a long poll.</b> A long-polling write completes (and Tomcat recycles) its request
 * before Atmosphere's clean-up touches it; the clean-up then threw "The request object has been recycled", and
 * the stock broadcaster took the delivered message for lost, cached it again and dropped the connection's
 * resource (vaadin/flow#16775; fixed the same way upstream in Atmosphere 4).</li>
 * </ol>
 */
public class PushBroadcaster extends DefaultBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(PushBroadcaster.class);
    /** How long the dispatch loop waits for the next message before it gives its thread back. */
    private static final long DISPATCHER_IDLE_MILLIS = 100;

    @Override
    public Broadcaster initialize(String name, java.net.URI uri, AtmosphereConfig config) {
        Broadcaster initialized = super.initialize(name, uri, config);
        // The writers' wait (see getAsyncWriteHandler): none. The dispatcher keeps its own (above).
        waitTime = 0;
        return initialized;
    }

    @Override
    protected void dispatchMessages(Deliver message) {
        messages.offer(message);
        if (dispatchThread.compareAndSet(0, 1)) {
            bc.getExecutorService().submit(getBroadcastHandler());
        }
    }

    @Override
    protected Runnable getBroadcastHandler() {
        return () -> {
            while (!isDestroyed()) {
                Deliver message;
                try {
                    message = messages.poll(DISPATCHER_IDLE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException stopping) {
                    dispatchThread.set(0);
                    Thread.currentThread().interrupt();
                    return;
                }
                if (message == null) {
                    dispatchThread.set(0);
                    // A message offered after the poll gave up, before the flag went down: take it on.
                    if (messages.isEmpty() || !dispatchThread.compareAndSet(0, 1)) {
                        return;
                    }
                    continue;
                }
                try {
                    push(message);
                } catch (RuntimeException failed) {
                    log.warn("A push could not be dispatched", failed);
                }
            }
            dispatchThread.set(0);
        };
    }

    @Override
    public Future<Object> broadcast(Object push, AtmosphereResource resource) {
        DeliveryTrace.pushed(resource.uuid());
        return super.broadcast(push, resource);
    }

    @Override
    protected void executeAsyncWrite(AsyncWriteToken token) {
        try {
            super.executeAsyncWrite(token);
        } catch (IllegalStateException recycled) {
            // Thrown only by the clean-up after the write (see the class comment): the message went out.
            log.debug("Long-polling request recycled before Atmosphere's clean-up", recycled);
        }
    }

    @Override
    protected void invokeOnStateChange(AtmosphereResource resource, AtmosphereResourceEvent event) {
        super.invokeOnStateChange(resource, event);
        DeliveryTrace.written(resource.uuid());
    }
}
