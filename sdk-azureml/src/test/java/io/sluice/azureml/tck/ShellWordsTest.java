package io.sluice.azureml.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void blanksSeparateWordsAndQuotesKeepThem() {
    assertThat(
            ShellWords.split("python show.py  --who 'two words, $HOME' --n \"a \\\"b\\\"\" c\\ d"))
        .containsExactly("python", "show.py", "--who", "two words, $HOME", "--n", "a \"b\"", "c d");
  }

  @Test
  void aQuoteClosedAndReopenedJoinsOneWord() {
    assertThat(ShellWords.split("'it'\"'\"'s'")).containsExactly("it's");
  }

  @Test
  void textTheShellWouldActOnIsRefused() {
    assertThatThrownBy(() -> ShellWords.split("python a.py --x $HOME")).hasMessageContaining("'$'");
    assertThatThrownBy(() -> ShellWords.split("python a.py --x a&b")).hasMessageContaining("'&'");
    assertThatThrownBy(() -> ShellWords.split("python a.py --x \"$HOME\""))
        .hasMessageContaining("'$'");
    assertThatThrownBy(() -> ShellWords.split("python a.py 'open"))
        .hasMessageContaining("unterminated");
  }
}
