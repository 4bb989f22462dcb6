package io.live2.jobs.aws;

import io.live2.jobs.ArtifactStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Artifacts in S3 (or an S3-compatible server): {@code s3://bucket/prefix}, keys relative to the prefix. Files below
 * the multipart threshold go up in one PutObject (with the SHA-256 also sent as the S3 checksum, so S3 verifies the
 * body); larger ones as a multipart upload (aborted on any failure). The hex SHA-256 of every object is stored as user
 * metadata {@code x-amz-meta-sha256}. Failures are IOExceptions naming the operation and the s3:// object: an S3 error
 * answer, and also no answer at all (connection refused or reset, timeouts), once the SDK's own retries are spent
 * (legacy retry mode: 4 attempts with backoff; docs/reliability-s3.md).
 *
 * <p>Settings: {@code endpoint} (override, e.g. http://127.0.0.1:9090), {@code region}, {@code path_style}
 * (true/false; default true when an endpoint is given), {@code multipart_threshold_bytes} (default 8 MiB),
 * {@code part_size} (default 8 MiB, at least 5 MiB: S3's minimum part size).
 */
public final class S3ArtifactStore implements ArtifactStore {
    public static final String SHA256_METADATA = "sha256";
    public static final long MIB = 1024 * 1024;
    public static final long DEFAULT_MULTIPART_THRESHOLD = 8 * MIB;
    public static final long DEFAULT_PART_SIZE = 8 * MIB;
    public static final Duration DEFAULT_URL_VALIDITY = Duration.ofHours(1);
    static final int DELETE_BATCH = 1000;

    private final String bucket;
    private final String root;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final long multipartThreshold;
    private final long partSize;
    private volatile int lastPartCount;

    /** Opens {@code s3://bucket/prefix} with settings (see the class comment) and the given connection. */
    public S3ArtifactStore(URI uri, Map<String, String> settings, AwsSettings aws) {
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("artifacts: '" + uri + "' is not s3://bucket/prefix");
        }
        requireCredentials(uri, aws);
        this.bucket = uri.getHost();
        String p = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
        this.root = p.isEmpty() || p.endsWith("/") ? p : p + "/";
        this.multipartThreshold = AwsSettings.longSetting(settings, "multipart_threshold_bytes", DEFAULT_MULTIPART_THRESHOLD, 1, Long.MAX_VALUE);
        this.partSize = AwsSettings.longSetting(settings, "part_size", DEFAULT_PART_SIZE, 5 * MIB, 5L * 1024 * MIB);
        String ps = settings.get("path_style");
        boolean pathStyle = ps == null || ps.isBlank() ? aws.endpoint() != null : Boolean.parseBoolean(ps.trim());
        S3Configuration conf = S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
        var builder = S3Client.builder().region(aws.region()).credentialsProvider(aws.credentials())
                .serviceConfiguration(conf).httpClient(AwsSettings.httpClient());
        var pre = S3Presigner.builder().region(aws.region()).credentialsProvider(aws.credentials()).serviceConfiguration(conf);
        if (aws.endpoint() != null) {
            builder.endpointOverride(aws.endpoint());
            pre.endpointOverride(aws.endpoint());
        }
        this.s3 = builder.build();
        this.presigner = pre.build();
    }

    /**
     * Resolves the credentials once, up front: without any, every request would fail later with the SDK's
     * 1,500-character account of each provider it tried. One sentence says what to set instead.
     */
    static void requireCredentials(URI uri, AwsSettings aws) {
        try {
            aws.credentials().resolveCredentials();
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new IllegalArgumentException("no AWS credentials for s3://" + uri.getHost() + ": set AWS_ACCESS_KEY_ID"
                    + " and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE for a profile in ~/.aws/credentials), or run where an"
                    + " instance or task role provides them", e);
        }
    }

    @Override
    public String name() {
        return "s3://" + bucket + "/" + root;
    }

    public String bucket() {
        return bucket;
    }

    /** The prefix under the bucket that store keys are relative to ("" or ending in "/"). */
    public String root() {
        return root;
    }

    /** The s3:// URI of a store key (what a worker is given to read a spec). */
    public URI uriOf(String key) {
        return URI.create("s3://" + bucket + "/" + objectKey(key));
    }

    /** Parts used by the last put on this store (0: single PutObject); for tests and logs. */
    public int lastPartCount() {
        return lastPartCount;
    }

    @Override
    public ArtifactInfo put(String key, Path file) throws IOException {
        String objectKey = objectKey(key);
        long size = Files.size(file);
        if (size < multipartThreshold) {
            MessageDigest md = sha256();
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readAllBytes(); // below the threshold: bounded
            }
            byte[] digest = md.digest(bytes);
            String hex = HexFormat.of().formatHex(digest);
            try {
                s3.putObject(b -> b.bucket(bucket).key(objectKey).contentLength((long) bytes.length)
                        .metadata(Map.of(SHA256_METADATA, hex))
                        .checksumSHA256(Base64.getEncoder().encodeToString(digest)), RequestBody.fromBytes(bytes));
            } catch (SdkException e) { // an S3 error answer, or none at all (refused, reset, timed out) after the SDK's retries
                throw new IOException("PutObject s3://" + bucket + "/" + objectKey + ": " + e.getMessage(), e);
            }
            lastPartCount = 0;
            return new ArtifactInfo(key, bytes.length, hex);
        }
        return putMultipart(key, objectKey, file, size);
    }

    private ArtifactInfo putMultipart(String key, String objectKey, Path file, long size) throws IOException {
        // the metadata goes with CreateMultipartUpload, before the parts: hash once up front, hash again while
        // uploading, and abort if the two differ (the file changed underneath)
        String hex = hexSha256(file);
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey).metadata(Map.of(SHA256_METADATA, hex))).uploadId();
        } catch (SdkException e) {
            throw new IOException("CreateMultipartUpload s3://" + bucket + "/" + objectKey + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = sha256();
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buf = new byte[(int) Math.min(partSize, Integer.MAX_VALUE - 8)];
            int partNumber = 1;
            long sent = 0;
            while (sent < size) {
                int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, size - sent));
                if (n <= 0) {
                    throw new IOException(file + " shrank while uploading");
                }
                md.update(buf, 0, n);
                byte[] part = n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
                final int pn = partNumber;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId).partNumber(pn)
                        .contentLength((long) part.length), RequestBody.fromBytes(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(pn).eTag(etag).build());
                sent += n;
                partNumber++;
            }
            String again = HexFormat.of().formatHex(md.digest());
            if (!again.equals(hex) || in.read() != -1) {
                throw new IOException(file + " changed while uploading (SHA-256 differs)");
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
            lastPartCount = parts.size();
            return new ArtifactInfo(key, size, hex);
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
            } catch (RuntimeException abort) {
                e.addSuppressed(abort);
            }
            if (e instanceof SdkException sdk) {
                throw new IOException("multipart upload of s3://" + bucket + "/" + objectKey + " aborted: " + sdk.getMessage(), sdk);
            }
            throw e;
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(objectKey)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("GetObject s3://" + bucket + "/" + objectKey + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("GetObject s3://" + bucket + "/" + objectKey + ": " + e.getMessage(), e);
        }
    }

    /** Lists with ListObjectsV2 (all pages); the SHA-256 of each object comes from a HeadObject (its metadata). */
    @Override
    public List<ArtifactInfo> list(String prefix) throws IOException {
        List<ArtifactInfo> out = new ArrayList<>();
        for (S3Object o : listObjects(prefix)) {
            String sha;
            try {
                HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(o.key()));
                sha = head.metadata().get(SHA256_METADATA);
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    continue; // deleted between list and head
                }
                throw new IOException("HeadObject s3://" + bucket + "/" + o.key() + ": " + e.getMessage(), e);
            } catch (SdkException e) {
                throw new IOException("HeadObject s3://" + bucket + "/" + o.key() + ": " + e.getMessage(), e);
            }
            out.add(new ArtifactInfo(o.key().substring(root.length()), o.size(), sha));
        }
        out.sort(Comparator.comparing(ArtifactInfo::key));
        return out;
    }

    private List<S3Object> listObjects(String prefix) throws IOException {
        String full = root + checkPrefix(prefix);
        List<S3Object> all = new ArrayList<>();
        String token = null;
        try {
            do {
                var req = ListObjectsV2Request.builder().bucket(bucket).prefix(full);
                if (token != null) {
                    req.continuationToken(token);
                }
                ListObjectsV2Response page = s3.listObjectsV2(req.build());
                all.addAll(page.contents());
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw new IOException("ListObjectsV2 s3://" + bucket + "/" + full + ": " + e.getMessage(), e);
        }
        return all;
    }

    @Override
    public URI signedUrl(String key, Duration validFor) throws IOException {
        Duration d = validFor == null ? DEFAULT_URL_VALIDITY : validFor;
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("validFor: " + d + " must be within (0, 7 days] (SigV4 presign limit)");
        }
        String objectKey = objectKey(key);
        GetObjectPresignRequest req = GetObjectPresignRequest.builder().signatureDuration(d)
                .getObjectRequest(b -> b.bucket(bucket).key(objectKey)).build();
        try {
            return presigner.presignGetObject(req).url().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** Lists the prefix and deletes with DeleteObjects, at most 1000 keys per request. */
    @Override
    public int deleteByPrefix(String prefix) throws IOException {
        List<S3Object> objects = listObjects(prefix);
        int deleted = 0;
        for (int i = 0; i < objects.size(); i += DELETE_BATCH) {
            List<ObjectIdentifier> ids = objects.subList(i, Math.min(objects.size(), i + DELETE_BATCH)).stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
            try {
                DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).quiet(false).build()));
                if (!r.errors().isEmpty()) {
                    throw new IOException("DeleteObjects: " + r.errors().size() + " keys not deleted, first: "
                            + r.errors().get(0).key() + " " + r.errors().get(0).code());
                }
                deleted += r.deleted().size();
            } catch (SdkException e) {
                throw new IOException("DeleteObjects under s3://" + bucket + "/" + root + prefix + ": " + e.getMessage(), e);
            }
        }
        return deleted;
    }

    /** Uploads small text (a job spec) under the key. */
    public ArtifactInfo putString(String key, String text) throws IOException {
        Path tmp = Files.createTempFile("live-", ".json");
        try {
            Files.writeString(tmp, text);
            return put(key, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void close() {
        s3.close();
        presigner.close();
    }

    String objectKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/")) {
            throw new IllegalArgumentException("key: '" + key + "' must be a relative path like dev/u1/j1/out.json");
        }
        return root + checkPrefix(key);
    }

    private static String checkPrefix(String p) {
        String s = p == null ? "" : p;
        for (String seg : s.split("/", -1)) {
            if (seg.equals("..") || seg.equals(".")) {
                throw new IllegalArgumentException("key: '" + p + "' must not contain . or .. segments");
            }
        }
        if (s.startsWith("/")) {
            throw new IllegalArgumentException("prefix: '" + p + "' must be relative");
        }
        return s;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hexSha256(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
