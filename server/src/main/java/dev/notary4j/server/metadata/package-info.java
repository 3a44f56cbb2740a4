/** Small helpers between tuf-model's metadata and the server's storage (checksum encodings). */
package dev.notary4j.server.metadata;
