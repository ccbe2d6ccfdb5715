package org.parley.base.ui;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: what a proxy asks every second to know whether to send people to this node. No session and
 * no page are made for it (the sign-in page would leave a session and a UI behind for each check), and it answers
 * 503 as soon as the node starts stopping, so the proxy sends new pages elsewhere while it finishes.
 */
@RestController
class NodeHealth {

    private volatile boolean stopping;

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    @GetMapping(path = "/health", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> health() {
        return stopping
                ? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("stopping")
                : ResponseEntity.ok("ok");
    }
}
