package io.sluice.azureml.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreFileTest {
  private final IgnoreFile rules = IgnoreFile.parse(List.of(
      "# comment", "", "*.log", "!keep.log", "/root-only.txt", "**/build/", "docs/**/*.md",
      "tmp?/"));

  @Test
  void followsTheGitignoreRulesAzureMlUses() {
    assertThat(rules.ignored("a.log")).isTrue();
    assertThat(rules.ignored("deep/in/b.log")).isTrue();
    assertThat(rules.ignored("keep.log")).isFalse();
    assertThat(rules.ignored("root-only.txt")).isTrue();
    assertThat(rules.ignored("sub/root-only.txt")).isFalse();
    assertThat(rules.ignored("x/build/out.bin")).isTrue();
    assertThat(rules.ignored("build")).isFalse();
    assertThat(rules.ignored("docs/a/b/readme.md")).isTrue();
    assertThat(rules.ignored("docs/readme.md")).isTrue();
    assertThat(rules.ignored("tmp1/x.py")).isTrue();
    assertThat(rules.ignored(".git/config")).isTrue();
    assertThat(rules.ignored("src/train.py")).isFalse();
  }
}
