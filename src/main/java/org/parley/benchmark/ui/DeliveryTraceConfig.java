package org.parley.benchmark.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.base.service.DeliveryTrace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmarks' view into {@link DeliveryTrace}: switches it on, notes when each request begins, and serves what
 * it recorded at {@code /benchmark/trace} (JSON; {@code ?clear=true} starts afresh; {@code ?enabled=false} stops
 * recording, so that what is measured then does not pay for the trace, and {@code true} resumes). Only where asked
 * for: bench/run starts Parley with {@code parley.benchmark.trace=true}; signed-in users only (see SecurityConfig).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("parley.benchmark.trace")
class DeliveryTraceConfig {

    DeliveryTraceConfig() {
        DeliveryTrace.enable(true);
    }

    @Bean
    FilterRegistrationBean<Filter> requestStartFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            DeliveryTrace.requestStarted(DeliveryTrace.now());
            try {
                chain.doFilter(request, response);
            } finally {
                DeliveryTrace.requestStarted(null);
            }
        });
        // Before everything else (security included): the request's arrival as the server sees it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ServletRegistrationBean<HttpServlet> traceEndpoint() {
        JsonMapper json = JsonMapper.builder().build();
        return new ServletRegistrationBean<>(
                new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.setContentType("application/json");
                        response.setCharacterEncoding("UTF-8");
                        ArrayNode passages = json.createArrayNode();
                        DeliveryTrace.passages().forEach(passage -> passages.add(toJson(json, passage)));
                        json.writeValue(response.getWriter(), passages);
                        if ("true".equals(request.getParameter("clear"))) {
                            DeliveryTrace.enable(DeliveryTrace.enabled());
                        }
                        if (request.getParameter("enabled") != null) {
                            DeliveryTrace.enable(Boolean.parseBoolean(request.getParameter("enabled")));
                        }
                    }
                },
                "/benchmark/trace");
    }

    /** {"id":…,"text":…,"received":…,"stored":…,"committed":…,"tabs":[{"user":…,"stage":…,"at":…},…]} */
    private static ObjectNode toJson(JsonMapper json, DeliveryTrace.Passage passage) {
        ObjectNode node = json.createObjectNode()
                .put("id", passage.messageId())
                .put("text", passage.text())
                .put("received", passage.received())
                .put("stored", passage.stored())
                .put("committed", passage.committed());
        ArrayNode tabs = node.putArray("tabs");
        for (DeliveryTrace.TabStage stage : passage.tabs()) {
            tabs.addObject()
                    .put("user", stage.userId())
                    .put("stage", stage.stage().name())
                    .put("at", stage.at());
        }
        return node;
    }
}
