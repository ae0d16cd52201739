import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** A JAR task: counts the rows of the CSV after -rows and writes "<label>=<n>" into the folder after -counted. */
public class CountRows {
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().appName("count-rows").getOrCreate();
    long rows = spark.read().option("header", "true").csv(args[1]).count();
    Files.createDirectories(Path.of(args[3]));
    Files.writeString(Path.of(args[3], "count.txt"), args[5] + "=" + rows + " on " + spark.conf().get("spark.master"));
    spark.stop();
  }
}
