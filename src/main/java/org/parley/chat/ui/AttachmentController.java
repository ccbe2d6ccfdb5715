package org.parley.chat.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.parley.account.ui.PictureResponses;
import org.parley.chat.service.AttachmentService;
import org.parley.chat.service.AttachmentService.StoredAttachment;
import org.parley.chat.service.AttachmentView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves attachments to members of their conversation, streamed chunk by chunk. Files are always
 * downloads of {@code application/octet-stream}; only recognised pictures are ever shown inline, with
 * their recognised type. Nothing is sniffed, and a sandboxing policy stops anything from running.
 * Any refusal is a bare 404: a guessed id and a removed member learn the same nothing.
 */
@RestController
class AttachmentController {

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @GetMapping(AttachmentView.PREFIX + "{id}")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        var found = attachments.find(id);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(found.get(), "application/octet-stream", "attachment", response);
    }

    @GetMapping(AttachmentView.PREFIX + "{id}/picture")
    void picture(@PathVariable long id, HttpServletResponse response) throws IOException {
        var found = attachments.find(id).filter(StoredAttachment::picture);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(found.get(), found.get().contentType(), "inline", response);
    }

    @GetMapping(AttachmentView.PREFIX + "{id}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
        return PictureResponses.of(attachments.thumbnail(id));
    }

    private void send(StoredAttachment attachment, String contentType, String disposition, HttpServletResponse response)
            throws IOException {
        response.setContentType(contentType);
        response.setContentLengthLong(attachment.sizeBytes());
        response.setHeader("Content-Disposition", contentDisposition(disposition, attachment.fileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        // Not kept in any cache: a file stays readable only while its reader may read it (signed in, a member).
        response.setHeader("Cache-Control", "private, no-store");
        try (InputStream content = attachments.open(attachment);
                OutputStream out = response.getOutputStream()) {
            content.transferTo(out);
        }
    }

    /**
     * RFC 6266: an ASCII fallback name for old clients, and the exact name, percent-encoded as UTF-8, for
     * everyone else. Names are already bare and free of control characters (see FileNames).
     */
    static String contentDisposition(String type, String fileName) {
        StringBuilder fallback = new StringBuilder();
        fileName.codePoints()
                .forEach(c -> fallback.append(
                        c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' && c != ';' ? (char) c : '_'));
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return type + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
