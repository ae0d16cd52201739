package io.sluice.core.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreRulesTest {
  private static IgnoreRules rules(String... lines) {
    return IgnoreRules.parse(List.of(lines));
  }

  @Test
  void aGlobMatchesAtAnyDepth() {
    IgnoreRules rules = rules("*.log");

    assertThat(rules.ignores("run.log")).isTrue();
    assertThat(rules.ignores("logs/deep/run.log")).isTrue();
    assertThat(rules.ignores("run.log.txt")).isFalse();
    assertThat(rules.ignores("run.py")).isFalse();
  }

  @Test
  void singleCharactersAndClasses() {
    IgnoreRules rules = rules("data?.csv", "model[12].pkl");

    assertThat(rules.ignores("data1.csv")).isTrue();
    assertThat(rules.ignores("data12.csv")).isFalse();
    assertThat(rules.ignores("model2.pkl")).isTrue();
    assertThat(rules.ignores("model3.pkl")).isFalse();
  }

  @Test
  void doubleStars() {
    assertThat(rules("**/tmp").ignores("tmp/x")).isTrue();
    assertThat(rules("**/tmp").ignores("a/b/tmp/x")).isTrue();
    assertThat(rules("logs/**").ignores("logs/a/b.txt")).isTrue();
    assertThat(rules("logs/**").ignores("src/logs/a.txt")).isFalse();
    assertThat(rules("a/**/b.txt").ignores("a/b.txt")).isTrue();
    assertThat(rules("a/**/b.txt").ignores("a/x/y/b.txt")).isTrue();
    assertThat(rules("a/**/b.txt").ignores("c/a/b.txt")).isFalse();
  }

  @Test
  void negationReincludesAndTheLastMatchingRuleWins() {
    IgnoreRules rules = rules("*.csv", "!keep.csv");

    assertThat(rules.ignores("drop.csv")).isTrue();
    assertThat(rules.ignores("keep.csv")).isFalse();
    assertThat(rules.ignores("sub/keep.csv")).isFalse();
    assertThat(rules("!keep.csv", "*.csv").ignores("keep.csv")).isTrue();
  }

  @Test
  void aFileInsideAnIgnoredFolderStaysIgnored() {
    assertThat(rules("build/", "!build/keep.txt").ignores("build/keep.txt")).isTrue();
  }

  @Test
  void aLeadingOrInnerSlashAnchorsToTheRoot() {
    assertThat(rules("/build").ignores("build/out.bin")).isTrue();
    assertThat(rules("/build").ignores("src/build/out.bin")).isFalse();
    assertThat(rules("doc/*.txt").ignores("doc/a.txt")).isTrue();
    assertThat(rules("doc/*.txt").ignores("doc/sub/a.txt")).isFalse();
    assertThat(rules("doc/*.txt").ignores("x/doc/a.txt")).isFalse();
    assertThat(rules("build").ignores("src/build/out.bin")).isTrue();
  }

  @Test
  void aTrailingSlashMatchesFoldersOnly() {
    IgnoreRules rules = rules("out/");

    assertThat(rules.ignores("out/model.pkl")).isTrue();
    assertThat(rules.ignores("src/out/model.pkl")).isTrue();
    assertThat(rules.ignores("out")).isFalse();
    assertThat(rules.ignores("src/out")).isFalse();
  }

  @Test
  void commentsAndBlankLinesAreSkipped() {
    IgnoreRules rules = rules("# *.py", "", "   ", "*.tmp");

    assertThat(rules.ignores("train.py")).isFalse();
    assertThat(rules.ignores("x.tmp")).isTrue();
  }

  @Test
  void amlignoreWinsOverGitignoreAndByteCodeIsAlwaysIgnored(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(".gitignore"), "*.csv\n");
    IgnoreRules fromGit = IgnoreRules.forDirectory(dir);
    assertThat(fromGit.ignores("data.csv")).isTrue();

    Files.writeString(dir.resolve(".amlignore"), "*.log\n");
    IgnoreRules fromAml = IgnoreRules.forDirectory(dir);
    assertThat(fromAml.ignores("data.csv")).isFalse();
    assertThat(fromAml.ignores("run.log")).isTrue();
    assertThat(fromAml.ignores("__pycache__/train.cpython-311.pyc")).isTrue();
    assertThat(fromAml.ignores("pkg/__pycache__/x.txt")).isTrue();
    assertThat(fromAml.ignores("stale.pyc")).isTrue();
    assertThat(fromAml.ignores(".git/HEAD")).isTrue();
    assertThat(IgnoreRules.forDirectory(dir.resolve("missing").getParent()).ignores("train.py"))
        .isFalse();
  }

  @Test
  void followsTheRulesOfAzureMlSnapshots() {
    IgnoreRules rules =
        rules(
            "# comment",
            "",
            "*.log",
            "!keep.log",
            "/root-only.txt",
            "**/build/",
            "docs/**/*.md",
            "tmp?/");
    assertThat(rules.ignores("a.log")).isTrue();
    assertThat(rules.ignores("deep/in/b.log")).isTrue();
    assertThat(rules.ignores("keep.log")).isFalse();
    assertThat(rules.ignores("root-only.txt")).isTrue();
    assertThat(rules.ignores("sub/root-only.txt")).isFalse();
    assertThat(rules.ignores("x/build/out.bin")).isTrue();
    assertThat(rules.ignores("build")).isFalse();
    assertThat(rules.ignores("docs/a/b/readme.md")).isTrue();
    assertThat(rules.ignores("docs/readme.md")).isTrue();
    assertThat(rules.ignores("tmp1/x.py")).isTrue();
    assertThat(rules.ignores(".git/config")).isTrue();
    assertThat(rules.ignores("src/train.py")).isFalse();
  }
}
