package dev.atelier.imaging;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.ByteArrayInputStream;

/** Reads the EXIF orientation of an encoded image (JPEG, PNG); {@link Orientation#NORMAL} when absent. */
public final class ExifOrientation {
    private ExifOrientation() {}

    public static int read(byte[] encoded) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(encoded), encoded.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return Orientation.NORMAL;
            }
            return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        } catch (Exception e) {
            // Broken metadata must not fail a job whose pixels decode: show the image as stored.
            return Orientation.NORMAL;
        }
    }
}
