package dev.atelier.gateway.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON form of {@code POST /v1/jobs}: the image is not in the body but named, as an upload id or an
 * https URL. Values are read as text and checked by the gateway, as in the multipart form.
 */
@Schema(
        name = "JobSubmissionJson",
        description = "application/json job submission; exactly one of uploadId and imageUrl (and styleUploadId with"
                + " mode=optimise)")
public record JobJson(
        @Schema(
                example = "candy",
                description = "A style id, or id@version to pin a model version; required unless mode=optimise")
        String style,

        @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1", defaultValue = "1")
        String strength,

        @Schema(
                enumeration = {"png", "jpeg"},
                defaultValue = "png")
        String outputFormat,

        @Schema(
                type = SchemaType.BOOLEAN,
                defaultValue = "false",
                description = "Keep the photo's colours (the stylized luminance with the photo's chroma)")
        String preserveColors,

        @Schema(
                type = SchemaType.NUMBER,
                minimum = "0.5",
                maximum = "2",
                defaultValue = "1",
                description = "The size of the painting's strokes (2: twice as large)")
        String styleScale,

        @Schema(format = "date-time", description = "A job not started by then ends EXPIRED")
        String deadline,

        @Schema(description = "The id POST /v1/uploads gave, after the image was PUT to its URL")
        String uploadId,

        @Schema(
                example = "https://upload.wikimedia.org/example.jpg",
                description =
                        "An https URL the gateway fetches (public addresses only, redirects re-checked, size-capped)")
        String imageUrl,

        @Schema(
                example = "https://example.com/atelier/callback",
                description =
                        "An https URL that receives the job's final state as a Standard Webhooks delivery, signed with "
                                + "the secret of GET /v1/webhooks/callbacks/secret (public addresses only)")
        String callbackUrl,

        @Schema(
                enumeration = {"feedforward", "optimise"},
                defaultValue = "feedforward",
                description = "optimise: optimise the picture against your own painting (styleUploadId)")
        String mode,

        @Schema(description = "mode=optimise: the id POST /v1/uploads gave for your painting, after it was PUT")
        String styleUploadId,

        @Schema(
                type = SchemaType.INTEGER,
                minimum = "1",
                description = "mode=optimise: steps (default 300); refused without mode=optimise")
        String steps,

        @Schema(
                type = SchemaType.INTEGER,
                minimum = "64",
                description = "mode=optimise: the longest side of the result (default 512); refused without"
                        + " mode=optimise")
        String maxSide,

        @Schema(type = SchemaType.NUMBER, description = "mode=optimise: weight of the photo's content")
        String contentWeight) {}
