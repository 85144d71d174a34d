/**
 * Where a job's image comes from when it is not in the request body: an object the client uploaded to S3
 * with a presigned URL ({@link dev.atelier.gateway.sources.Uploads}), or a URL the gateway fetches under
 * SSRF rules ({@link dev.atelier.gateway.sources.ImageFetcher}). Either way it ends as a local file that
 * goes through the same checks as an uploaded one.
 */
package dev.atelier.gateway.sources;
