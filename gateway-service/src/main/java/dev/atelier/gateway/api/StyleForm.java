package dev.atelier.gateway.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The multipart form of {@code POST /v1/styles}. Every field is read as text and checked by the
 * gateway, so a bad value gets the gateway's problem document rather than a framework error.
 */
@Schema(name = "StyleSubmission", description = "multipart/form-data fields of a style to train")
public class StyleForm {

    @RestForm("image")
    @Schema(
            type = SchemaType.STRING,
            format = "binary",
            required = true,
            description = "The style image (a painting): JPEG or PNG, checked from its bytes")
    public FileUpload image;

    @RestForm("styleId")
    @Schema(
            required = true,
            example = "great-wave",
            description = "Id of the new style, or of a style to train again (a new version)")
    public String styleId;

    @RestForm("title")
    @Schema(example = "The Great Wave", description = "What people see; defaults to the id")
    public String title;

    @RestForm("width")
    @Schema(
            type = SchemaType.INTEGER,
            minimum = "4",
            maximum = "128",
            defaultValue = "16",
            description = "Base channel count of the transform network")
    public String width;

    @RestForm("steps")
    @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000000", defaultValue = "4000")
    public String steps;

    @RestForm("batchSize")
    @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "64", defaultValue = "4")
    public String batchSize;

    @RestForm("imageSize")
    @Schema(
            type = SchemaType.INTEGER,
            minimum = "32",
            maximum = "1024",
            defaultValue = "256",
            description = "Side of the square content crops, a multiple of 4")
    public String imageSize;

    @RestForm("contentWeight")
    @Schema(
            type = SchemaType.NUMBER,
            minimum = "0",
            description = "Content loss weight; the trainer's default when absent")
    public String contentWeight;

    @RestForm("styleWeight")
    @Schema(
            type = SchemaType.NUMBER,
            minimum = "0",
            description = "Style loss weight; the trainer's default when absent")
    public String styleWeight;

    @RestForm("tvWeight")
    @Schema(
            type = SchemaType.NUMBER,
            minimum = "0",
            description = "Total-variation loss weight; the trainer's default when absent")
    public String tvWeight;

    @RestForm("dataset")
    @Schema(
            example = "debian",
            description =
                    "Content photo set to train on (imported with ./atelier dataset); the gateway's default when absent")
    public String dataset;
}
