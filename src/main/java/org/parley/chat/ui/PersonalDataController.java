package org.parley.chat.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.parley.chat.service.PersonalDataExport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the signed-in person their own data as a zip, written as it is read (PersonalDataExport). */
@RestController
class PersonalDataController {

    private final PersonalDataExport export;

    PersonalDataController(PersonalDataExport export) {
        this.export = export;
    }

    @GetMapping("/my-data.zip")
    void download(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"parley-my-data-" + LocalDate.now() + ".zip\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        try (OutputStream out = response.getOutputStream()) {
            export.export(out);
        }
    }
}
