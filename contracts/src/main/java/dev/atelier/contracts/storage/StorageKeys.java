package dev.atelier.contracts.storage;

import dev.atelier.contracts.jobs.OutputFormat;

/**
 * The S3 key layout (one bucket). Artefacts are written first, the record or manifest that points
 * at them last, so a reader never sees a record whose objects are missing.
 */
public final class StorageKeys {
    private StorageKeys() {
    }

    public static String input(String tenant, String jobId) {
        return "inputs/" + tenant + "/" + jobId;
    }

    public static String output(String tenant, String jobId, OutputFormat format) {
        return "outputs/" + tenant + "/" + jobId + "." + format.extension();
    }

    /** The job record: the single source of truth for a job's status. */
    public static String job(String tenant, String jobId) {
        return jobPrefix(tenant) + jobId + ".json";
    }

    /** Prefix under which a tenant's job records list in time order (job ids are time-ordered). */
    public static String jobPrefix(String tenant) {
        return "jobs/" + tenant + "/";
    }

    public static String modelVersionPrefix(String styleId, int version) {
        return "models/" + styleId + "/" + version + "/";
    }

    public static String model(String styleId, int version) {
        return modelVersionPrefix(styleId, version) + "model.onnx";
    }

    public static String manifest(String styleId, int version) {
        return modelVersionPrefix(styleId, version) + "manifest.json";
    }

    public static String preview(String styleId, int version) {
        return modelVersionPrefix(styleId, version) + "preview.jpg";
    }

    public static String modelsPrefix(String styleId) {
        return "models/" + styleId + "/";
    }

    public static String styleImage(String styleId, String extension) {
        return "styles/" + styleId + "/style." + extension;
    }

    public static String dataset(String name) {
        return "datasets/" + name + "/";
    }
}
