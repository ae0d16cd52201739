package io.sluice.databricks.implementation;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import java.util.List;
import java.util.function.Function;

/** Token pagination as Databricks does it: {@code next_page_token} in, {@code page_token} out. */
public final class Pages {
  private Pages() {}

  /**
   * A lazy iterable over every page.
   *
   * @param fetch reads one page given its token (null for the first)
   * @param <T> the element type
   * @return the iterable
   */
  public static <T> PagedIterable<T> iterable(Function<String, Page<T>> fetch) {
    return new PagedIterable<>(
        () -> response(fetch.apply(null)), token -> response(fetch.apply(token)));
  }

  private static <T> PagedResponse<T> response(Page<T> page) {
    // An empty token ends the iteration; Databricks sends "" or nothing on the last page.
    String next =
        page.nextPageToken() == null || page.nextPageToken().isEmpty()
            ? null
            : page.nextPageToken();
    return new PagedResponseBase<Void, T>(null, 200, new HttpHeaders(), page.items(), next, null);
  }

  /**
   * One page.
   *
   * @param items its elements
   * @param nextPageToken the next page's token, or null on the last
   * @param <T> the element type
   */
  public record Page<T>(List<T> items, String nextPageToken) {
    /** Copies the items. */
    public Page {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }
}
