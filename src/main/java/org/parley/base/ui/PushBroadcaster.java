package org.parley.base.ui;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.atmosphere.cpr.AtmosphereConfig;
import org.atmosphere.cpr.AtmosphereResource;
import org.atmosphere.cpr.AtmosphereResourceEvent;
import org.atmosphere.cpr.BroadcastFilter;
import org.atmosphere.cpr.Broadcaster;
import org.atmosphere.cpr.DefaultBroadcaster;
import org.atmosphere.cpr.Deliver;
import org.parley.base.service.DeliveryTrace;
import org.parley.base.service.ParleyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Atmosphere's broadcaster, which carries every Vaadin push to its browser, with the faults and hand-overs of the
 * one Vaadin 25.2 ships (Atmosphere 3.0.5) taken out. Installed by {@link PushSettings}.
 * <ol>
 * <li><b>Writers no longer linger.</b> Each browser's writes run on a pool of 200 threads, and the stock writer
 * kept its thread for the broadcaster's wait time (100 ms) after its last write, in case more came. A message to
 * a group reaches one browser per member at once, so members 201 and up waited for those threads: 100 ms more
 * per 200 members (the fan-out to 1,000 took over half a second for that alone). Here a writer returns its
 * thread as soon as its queue is empty, and most writes do not need one at all (see {@link #queueWriteIO}).</li>
 * <li><b>No dispatcher thread.</b> The stock broadcaster queued every push in the application for one dispatch
 * loop: a hand-over (and a thread to wake) per push, one thread for all of them in a large fan-out, and a loop that
 * could miss a message offered just as it gave up waiting, which then waited for the next message anywhere in
 * the application. Pushes are dispatched on the thread that makes them.</li>
 * <li><b>No false alarm after a long poll.</b> A long-polling write completes (and Tomcat recycles) its request
 * before Atmosphere's clean-up touches it; the clean-up then threw "The request object has been recycled", and
 * the stock broadcaster took the delivered message for lost, cached it again and dropped the connection's
 * resource (vaadin/flow#16775; fixed the same way upstream in Atmosphere 4).</li>
 * </ol>
 */
public class PushBroadcaster extends DefaultBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(PushBroadcaster.class);
    private static final String VAADIN_FILTERS = "com.vaadin.flow.server.communication.";

    /** Parley's metrics, from the Spring context of the servlet that pushes (null: none, e.g. a bare Atmosphere). */
    private ParleyMetrics metrics;

    @Override
    public Broadcaster initialize(String name, java.net.URI uri, AtmosphereConfig config) {
        Broadcaster initialized = super.initialize(name, uri, config);
        metrics = metricsOf(config);
        // The writers' wait for more to write before they give their thread back (see the class comment): none.
        waitTime = 0;
        return initialized;
    }

    /** Parley's metrics from the Spring context of the servlet that pushes; null if there are none. */
    private static ParleyMetrics metricsOf(AtmosphereConfig config) {
        WebApplicationContext spring = config.getServletContext() == null
                ? null
                : WebApplicationContextUtils.getWebApplicationContext(config.getServletContext());
        if (spring == null) {
            return null;
        }
        try {
            return spring.getBeanProvider(ParleyMetrics.class).getIfAvailable();
        } catch (IllegalStateException contextClosed) {
            // The node is stopping: its last tabs are closed with a push (UI.close) after the context has gone.
            return null;
        }
    }

    /**
     * Dispatches on the pushing thread (it holds the tab's session lock, so one tab's pushes keep their order):
     * no hand-over to a dispatcher thread that must first wake up, and no single dispatcher that every push in
     * the application queues behind. The write itself still goes to the writers' pool.
     */
    @Override
    protected void dispatchMessages(Deliver message) {
        try {
            push(message);
        } catch (RuntimeException failed) {
            log.warn("A push could not be dispatched", failed);
            if (metrics != null) {
                metrics.pushFailed();
            }
        }
    }

    /**
     * Writes on the pushing thread as well, when the connection is ready for it: no hand-over to the writers' pool.
     * That thread is the pushing tab's own (a virtual thread delivering to its user, or the tab's request): a
     * slow connection holds up its own tab only, not a pool that every tab's writes share. A long poll that is
     * between requests still goes the stock way (the message is cached for the next request).
     */
    @Override
    protected void queueWriteIO(AtmosphereResource resource, Deliver message, AtomicInteger count)
            throws InterruptedException {
        if (!resource.isResumed() && !resource.isCancelled()) {
            executeBlockingWrite(resource, message, count);
        } else {
            super.queueWriteIO(resource, message, count);
        }
    }

    /**
     * Skips the application-wide filter step when only Vaadin's own filters are installed: theirs act per
     * connection, their application-wide step changes nothing, and the stock loop runs it under a lock on each
     * filter that every push in the application shares.
     */
    @Override
    protected Object filter(Object push) {
        for (BroadcastFilter installed : bc.filters()) {
            if (!installed.getClass().getName().startsWith(VAADIN_FILTERS)) {
                return super.filter(push);
            }
        }
        return push;
    }

    @Override
    public Future<Object> broadcast(Object push, AtmosphereResource resource) {
        DeliveryTrace.pushed(resource.uuid());
        if (metrics != null) {
            metrics.pushed(resource.uuid());
        }
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
        Runnable written = metrics == null ? null : metrics.writing(resource.uuid());
        super.invokeOnStateChange(resource, event);
        DeliveryTrace.written(resource.uuid());
        if (written != null) {
            written.run();
        }
    }

    /** A write that failed (Atmosphere then closes or caches): counted as a push failure. */
    @Override
    public void onException(Throwable failure, AtmosphereResource resource, boolean notifyAndCache) {
        if (metrics != null) {
            metrics.pushFailed();
        }
        super.onException(failure, resource, notifyAndCache);
    }

    @Override
    protected Broadcaster removeAtmosphereResource(AtmosphereResource resource, boolean executeDone) {
        if (metrics != null) {
            metrics.closed(resource.uuid());
        }
        return super.removeAtmosphereResource(resource, executeDone);
    }
}
