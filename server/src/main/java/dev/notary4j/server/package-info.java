/**
 * notary-server compatible HTTP service.
 *
 * <ul>
 *   <li>{@code http}: Vert.x listener ({@code NotaryServer}), gorilla/mux-faithful routing ({@code Router},
 *       {@code Route}), error envelopes, caching headers, metrics, health; blocking handlers ({@code NotaryApi})
 *       run on worker threads.</li>
 *   <li>{@code update}: POST update pipeline. {@code MultipartUpload} (transport checks A1-A6) feeds
 *       {@code UpdateService}, which loads a {@code StoredContext}, asks the pure {@code UpdateValidator} for an
 *       {@code AcceptedUpdate} (or a {@code ValidationFailure} of §5.1), generates snapshot/timestamp and stores
 *       everything in one transaction.</li>
 *   <li>{@code validation}: the pure {@code NotaryUpdateValidator} (B1-B5) and its per-role load rules
 *       ({@code RootRules}, {@code TargetsRules}, {@code SnapshotRules}).</li>
 *   <li>{@code signing}: snapshot/timestamp generation ({@code ServerMetadataGenerator}), GET-time regeneration
 *       ({@code ServerManagedMetadata}), key routes ({@code KeyService}).</li>
 *   <li>{@code trust}: the holder of server keys: {@code RemoteTrustService} (notary-signer over gRPC, mutual TLS)
 *       or {@code LocalTrustService}.</li>
 *   <li>{@code storage}: {@code MetaStore} over the Go tables ({@code JooqMetaStore}, PostgreSQL or H2) and the
 *       timestamp-snapshot walk of "current" metadata ({@code CurrentMetadata}).</li>
 *   <li>{@code config}: the Go config file ({@code ServerSettings}).</li>
 * </ul>
 */
package dev.notary4j.server;
