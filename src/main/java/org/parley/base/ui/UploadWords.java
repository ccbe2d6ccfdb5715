package org.parley.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.i18n.I18NProvider;

/**
 * Every word an upload shows (its buttons, its progress, the browser's own refusals) in the reader's language: Vaadin's
 * defaults are English. The refusals a feature words itself are passed in.
 */
public final class UploadWords {

    private static final String[] PICTURE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"};

    private UploadWords() {}

    /** The upload's words, with {@code fileTooBig}, {@code wrongType} and {@code tooMany} for what the browser refuses. */
    public static UploadI18N of(String fileTooBig, String wrongType, String tooMany) {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(words("add-one")).setMany(words("add-many")))
                .setDropFiles(
                        new UploadI18N.DropFiles().setOne(words("drop-one")).setMany(words("drop-many")))
                .setError(new UploadI18N.Error()
                        .setFileIsTooBig(fileTooBig)
                        .setIncorrectFileType(wrongType)
                        .setTooManyFiles(tooMany))
                .setFile(new UploadI18N.File()
                        .setRetry(words("retry"))
                        .setStart(words("start"))
                        .setRemove(words("remove")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(words("connecting"))
                                .setStalled(words("stalled"))
                                .setProcessing(words("processing"))
                                .setHeld(words("held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(words("remaining"))
                                .setUnknown(words("remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(words("server-unavailable"))
                                .setUnexpectedServerError(words("server-error"))
                                .setForbidden(words("forbidden"))
                                .setFileTooLarge(fileTooBig)));
    }

    /**
     * One picture (PNG, JPEG, GIF or WebP) of at most {@code maxBytes}, for a profile or a group: what the browser
     * refuses before sending is said in a toast, in the reader's language.
     */
    public static void forOnePicture(Upload upload, long maxBytes) {
        upload.setAcceptedFileTypes(PICTURE_TYPES);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setMaxFiles(1);
        upload.addClassName("picture-upload"); // its button above the line of what it takes (parley.css)
        upload.setI18n(of(
                I18NProvider.translate("base.upload.picture-too-big", FileSizes.of(maxBytes)),
                I18NProvider.translate("base.upload.not-a-picture"),
                I18NProvider.translate("base.upload.one-picture")));
        upload.addFileRejectedListener(rejected -> Toasts.error(rejected.getErrorMessage()));
    }

    private static String words(String key) {
        return I18NProvider.translate("base.upload." + key);
    }
}
