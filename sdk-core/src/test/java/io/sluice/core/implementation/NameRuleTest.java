package io.sluice.core.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameRuleTest {
  @Test
  void stepNamesHoldNoPathSeparatorAndNoDoubleDot() {
    assertThat(NameRule.STEP.accepts("prep_1.v2-x")).isTrue();
    assertThat(NameRule.STEP.accepts("x".repeat(100))).isTrue();
    assertThat(NameRule.STEP.accepts("x".repeat(101))).isFalse();
    for (String bad :
        new String[] {"../x", "a/b", "a\\b", "a..b", ".hidden", "-lead", "", "bad name", "é"}) {
      assertThat(NameRule.STEP.accepts(bad)).as(bad).isFalse();
    }
    assertThat(NameRule.STEP.accepts(null)).isFalse();
  }

  @Test
  void eachRuleHasItsOwnCharactersAndLengths() {
    assertThat(NameRule.WORD.accepts("min_rows_2")).isTrue();
    assertThat(NameRule.WORD.accepts("min-rows")).isFalse();
    assertThat(NameRule.DATASTORE.accepts("seed_blob")).isTrue();
    assertThat(NameRule.DATASTORE.accepts("Seed")).isFalse();
    assertThat(NameRule.COMPUTE.accepts("seed-dbx")).isTrue();
    assertThat(NameRule.COMPUTE.accepts("x")).isFalse();
    assertThat(NameRule.COMPUTE.accepts("1cpu")).isFalse();
    assertThat(NameRule.COMPUTE.accepts("c".repeat(33))).isFalse();
    assertThat(NameRule.ENVIRONMENT.accepts(".venv")).isTrue();
    assertThat(NameRule.ENVIRONMENT.accepts(".")).isFalse();
    assertThat(NameRule.ENVIRONMENT.accepts("..")).isFalse();
    assertThat(NameRule.PIPELINE.accepts("seed.v2")).isTrue();
    assertThat(NameRule.PIPELINE.accepts("seed..v2")).isFalse();
  }

  @Test
  void acceptsExactlyTheCharactersOfItsRule() {
    for (char c = 0; c < 300; c++) {
      boolean asciiLetter = c < 128 && Character.isLetter(c);
      boolean asciiDigit = c >= '0' && c <= '9';
      assertThat(NameRule.WORD.accepts("a" + c + "b"))
          .as("WORD with character %d", (int) c)
          .isEqualTo(asciiLetter || asciiDigit || c == '_');
      assertThat(NameRule.COMPUTE.accepts(c + "x"))
          .as("COMPUTE starting with character %d", (int) c)
          .isEqualTo(asciiLetter);
      assertThat(NameRule.ENVIRONMENT.accepts("a" + c))
          .as("ENVIRONMENT with character %d", (int) c)
          .isEqualTo(asciiLetter || asciiDigit || c == '_' || c == '.' || c == '-');
    }
  }
}
