package org.parley.benchmark.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.parley.base.service.DeliveryTrace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The benchmarks' view into {@link DeliveryTrace}: switches it on, notes when each request begins, and serves what
 * it recorded at {@code /benchmark/trace} (JSON; {@code ?clear=true} starts afresh; {@code ?enabled=false} stops
 * recording, so that what is measured then does not pay for the trace, and {@code true} resumes). Only where asked for: bench/run
 * starts Parley with {@code parley.benchmark.trace=true}; signed-in users only (see SecurityConfig).
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
        return new ServletRegistrationBean<>(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                PrintWriter out = response.getWriter();
                out.print('[');
                boolean first = true;
                for (DeliveryTrace.Passage passage : DeliveryTrace.passages()) {
                    out.print(first ? "\n" : ",\n");
                    first = false;
                    write(out, passage);
                }
                out.print("\n]\n");
                if ("true".equals(request.getParameter("clear"))) {
                    DeliveryTrace.enable(DeliveryTrace.enabled());
                }
                if (request.getParameter("enabled") != null) {
                    DeliveryTrace.enable(Boolean.parseBoolean(request.getParameter("enabled")));
                }
            }
        }, "/benchmark/trace");
    }

    /** {"id":…,"text":…,"received":…,"stored":…,"committed":…,"tabs":[{"user":…,"stage":…,"at":…},…]} */
    private static void write(PrintWriter out, DeliveryTrace.Passage passage) {
        out.print("{\"id\":" + passage.messageId() + ",\"text\":" + quote(passage.text()) + ",\"received\":"
                + passage.received() + ",\"stored\":" + passage.stored() + ",\"committed\":" + passage.committed()
                + ",\"tabs\":[");
        boolean first = true;
        for (DeliveryTrace.TabStage stage : passage.tabs()) {
            out.print((first ? "" : ",") + "{\"user\":" + stage.userId() + ",\"stage\":\"" + stage.stage()
                    + "\",\"at\":" + stage.at() + "}");
            first = false;
        }
        out.print("]}");
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
