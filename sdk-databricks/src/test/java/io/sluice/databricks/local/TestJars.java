package io.sluice.databricks.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a one-class Java source against a folder of jars and packs it into a JAR. */
final class TestJars {
  private TestJars() {}

  static Path compile(URL source, Path classPathJars, Path work) throws IOException {
    Path sources = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path file = sources.resolve(Path.of(source.getPath()).getFileName().toString());
    try (InputStream in = source.openStream()) {
      Files.copy(in, file);
    }
    String classPath;
    try (Stream<Path> jars = Files.list(classPathJars)) {
      classPath = String.join(File.pathSeparator, jars.map(Path::toString).sorted().toList());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean ok =
        compiler
            .getTask(
                errors,
                null,
                null,
                List.of("-classpath", classPath, "-d", classes.toString()),
                null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile()))
            .call();
    if (!ok) {
      throw new IllegalStateException("Compiling " + file + " failed:\n" + errors);
    }
    Path jar = work.resolve("task.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out);
        Stream<Path> compiled = Files.walk(classes)) {
      for (Path each : compiled.filter(Files::isRegularFile).toList()) {
        jarOut.putNextEntry(
            new JarEntry(classes.relativize(each).toString().replace(File.separatorChar, '/')));
        Files.copy(each, jarOut);
        jarOut.closeEntry();
      }
    }
    return jar;
  }
}
