package org.parley.chat.service;

import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hourly, on one node of a cluster at a time (the others find the lock taken and skip that hour): removes uploads
 * that a crash left unfinished. See {@link AttachmentService#removeAbandonedUploads()}.
 */
@Component
class AbandonedUploadSweep {

    static final String LOCK = "abandoned-upload-sweep";

    private final AttachmentService attachments;

    AbandonedUploadSweep(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void run() {
        attachments.removeAbandonedUploads();
    }
}
