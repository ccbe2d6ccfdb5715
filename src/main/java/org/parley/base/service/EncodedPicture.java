package org.parley.base.service;

/** A picture the server encoded (PNG or JPEG), ready to store and serve. */
public record EncodedPicture(String contentType, byte[] data) {}
