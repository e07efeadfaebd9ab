package uk.csc.warehouse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the project's data folders (sql/, schemas/, routes/) from the classpath, whether they sit in
 * target/classes (tests, IDE) or inside the shaded jar, so one code path serves both.
 */
public final class ClasspathFolder {
    private ClasspathFolder() {}

    /** Files below {@code folder} whose name ends with {@code suffix}, as classpath-relative names, sorted. */
    public static List<String> list(String folder, String suffix) {
        URL url = ClasspathFolder.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("classpath folder not found: " + folder);
        }
        try {
            URI uri = url.toURI();
            Path root = "jar".equals(uri.getScheme()) ? jarFileSystem(uri).getPath(folder) : Path.of(uri);
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(suffix))
                        .map(p -> folder + "/" + root.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String read(String resource) {
        try (var in = ClasspathFolder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }
}
