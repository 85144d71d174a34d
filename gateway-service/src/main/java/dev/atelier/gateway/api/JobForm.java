package dev.atelier.gateway.api;

import dev.atelier.gateway.jobs.JobUpload;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The multipart form of {@code POST /v1/jobs}. Every field is read as text and checked by the
 * gateway, so that a bad value gets the gateway's problem document rather than a framework error.
 */
@Schema(name = "JobSubmission", description = "multipart/form-data fields of a job submission")
public class JobForm {

    @RestForm("image")
    @Schema(
            type = SchemaType.STRING,
            format = "binary",
            required = true,
            description = "The content image: JPEG or PNG, checked from its bytes, not its declared type")
    public FileUpload image;

    @RestForm("style")
    @Schema(
            example = "candy",
            description = "A style id, or id@version to pin a model version; required unless mode=optimise")
    public String style;

    @RestForm("strength")
    @Schema(
            type = SchemaType.NUMBER,
            minimum = "0",
            maximum = "1",
            defaultValue = "1",
            description = "How much of the stylized image to keep; lower values blend in the content")
    public String strength;

    @RestForm("outputFormat")
    @Schema(
            enumeration = {"png", "jpeg"},
            defaultValue = "png",
            description = "Encoding of the result")
    public String outputFormat;

    @RestForm("preserveColors")
    @Schema(
            type = SchemaType.BOOLEAN,
            defaultValue = "false",
            description = "Keep the photo's colours: the result takes the stylized image's luminance and the photo's "
                    + "chroma (BT.601 luma, as JPEG's YCbCr)")
    public String preserveColors;

    @RestForm("styleScale")
    @Schema(
            type = SchemaType.NUMBER,
            minimum = "0.5",
            maximum = "2",
            defaultValue = "1",
            description = "The size of the painting's strokes: the photo is run at 1/styleScale of its size and the "
                    + "result brought back to it, so 2 paints strokes twice as large and 0.5 half as large")
    public String styleScale;

    @RestForm("deadline")
    @Schema(
            format = "date-time",
            example = "2026-11-23T12:00:00Z",
            description =
                    "RFC 3339 time after which the result is no longer wanted: a job not started by then ends EXPIRED")
    public String deadline;

    @RestForm("callbackUrl")
    @Schema(
            example = "https://example.com/atelier/callback",
            description =
                    "An https URL that receives the job's final state as a Standard Webhooks delivery, signed with the "
                            + "secret of GET /v1/webhooks/callbacks/secret (public addresses only)")
    public String callbackUrl;

    @RestForm("mode")
    @Schema(
            enumeration = {"feedforward", "optimise"},
            defaultValue = "feedforward",
            description = "feedforward: run a trained style (the field 'style'); optimise: optimise the picture itself"
                    + " against your own painting ('styleImage'), minutes instead of milliseconds (Gatys et al.)")
    public String mode;

    @RestForm("styleImage")
    @Schema(
            type = SchemaType.STRING,
            format = "binary",
            description = "mode=optimise: your painting, JPEG or PNG, under the same checks as the photo")
    public FileUpload styleImage;

    @RestForm("steps")
    @Schema(
            type = SchemaType.INTEGER,
            minimum = "1",
            description = "mode=optimise: optimisation steps (default 300), at most atelier.gateway.optimise.max-steps"
                    + " (1000); refused without mode=optimise")
    public String steps;

    @RestForm("maxSide")
    @Schema(
            type = SchemaType.INTEGER,
            minimum = "64",
            description = "mode=optimise: the longest side of the result (default 512), at most"
                    + " atelier.gateway.optimise.max-side (1024); refused without mode=optimise")
    public String maxSide;

    @RestForm("contentWeight")
    @Schema(
            type = SchemaType.NUMBER,
            description = "mode=optimise: weight of the photo's content against the painting's style; higher keeps"
                    + " more of the photo (default: the loss network's)")
    public String contentWeight;

    /** The fields as submitted, nothing checked yet. */
    JobUpload toUpload() {
        return new JobUpload(
                image == null ? null : image.uploadedFile(),
                style,
                strength,
                outputFormat,
                preserveColors,
                styleScale,
                deadline,
                callbackUrl,
                mode,
                styleImage == null ? null : styleImage.uploadedFile(),
                steps,
                maxSide,
                contentWeight);
    }
}
