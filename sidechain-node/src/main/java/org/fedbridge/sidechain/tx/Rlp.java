package org.fedbridge.sidechain.tx;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;

/**
 * A strict RLP reader and a small writer (Ethereum Yellow Paper, appendix B). The reader refuses
 * non-canonical lengths, single bytes below 0x80 wrapped in a string header, and trailing bytes, so
 * that every accepted input has exactly one encoding. It records each item's span, which lets a
 * decoder hash the exact bytes that were signed.
 */
public final class Rlp {
  private Rlp() {}

  /** Malformed RLP; the message follows geth's {@code rlp: ...} style. */
  public static final class RlpException extends Exception {
    public RlpException(String message) {
      super("rlp: " + message);
    }
  }

  /** One decoded item: a string ({@code bytes}) or a list ({@code items}), with its span. */
  public record Item(
      byte[] source, int start, int end, int payloadStart, byte[] bytes, List<Item> items) {
    public boolean isList() {
      return items != null;
    }

    /** The item's full encoding (header and payload). */
    public byte[] encoded() {
      byte[] out = new byte[end - start];
      System.arraycopy(source, start, out, 0, out.length);
      return out;
    }

    public List<Item> list() throws RlpException {
      if (items == null) {
        throw new RlpException("expected list");
      }
      return items;
    }

    public byte[] string() throws RlpException {
      if (items != null) {
        throw new RlpException("expected string");
      }
      return bytes;
    }

    /** A canonical unsigned integer: no leading zero bytes, at most {@code maxBytes}. */
    public BigInteger uint(int maxBytes) throws RlpException {
      byte[] b = string();
      if (b.length > maxBytes) {
        throw new RlpException("uint overflow");
      }
      if (b.length > 0 && b[0] == 0) {
        throw new RlpException("non-canonical integer (leading zero bytes)");
      }
      return new BigInteger(1, b);
    }

    public long uint64() throws RlpException {
      BigInteger v = uint(8);
      if (v.bitLength() > 63) {
        throw new RlpException("uint64 overflow");
      }
      return v.longValueExact();
    }

    /** Items are equal when their encodings are. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Item i && Arrays.equals(source, start, end, i.source, i.start, i.end);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(encoded());
    }

    @Override
    public String toString() {
      return "Rlp.Item[" + Hex.encode(encoded()) + "]";
    }
  }

  /** Decodes exactly one item spanning {@code data[offset..]}. */
  public static Item decode(byte[] data, int offset) throws RlpException {
    if (data == null || offset >= data.length) {
      throw new RlpException("empty input");
    }
    Item item = read(data, offset, data.length, 0);
    if (item.end() != data.length) {
      throw new RlpException("input contains more than one value");
    }
    return item;
  }

  private static Item read(byte[] d, int pos, int limit, int depth) throws RlpException {
    if (depth > 16) {
      throw new RlpException("nesting too deep");
    }
    if (pos >= limit) {
      throw new RlpException("value size exceeds available input length");
    }
    int b = d[pos] & 0xff;
    if (b < 0x80) {
      return new Item(d, pos, pos + 1, pos, new byte[] {(byte) b}, null);
    }
    if (b < 0xb8) {
      int len = b - 0x80;
      int start = pos + 1;
      check(start, len, limit);
      if (len == 1 && (d[start] & 0xff) < 0x80) {
        throw new RlpException("non-canonical size information");
      }
      return new Item(d, pos, start + len, start, slice(d, start, len), null);
    }
    if (b < 0xc0) {
      int lenOfLen = b - 0xb7;
      int len = longLength(d, pos + 1, lenOfLen, limit);
      int start = pos + 1 + lenOfLen;
      check(start, len, limit);
      return new Item(d, pos, start + len, start, slice(d, start, len), null);
    }
    int len;
    int start;
    if (b < 0xf8) {
      len = b - 0xc0;
      start = pos + 1;
    } else {
      int lenOfLen = b - 0xf7;
      len = longLength(d, pos + 1, lenOfLen, limit);
      start = pos + 1 + lenOfLen;
    }
    check(start, len, limit);
    List<Item> items = new ArrayList<>();
    int p = start;
    int end = start + len;
    while (p < end) {
      Item item = read(d, p, end, depth + 1);
      items.add(item);
      p = item.end();
    }
    return new Item(d, pos, end, start, null, items);
  }

  private static int longLength(byte[] d, int pos, int lenOfLen, int limit) throws RlpException {
    if (pos + lenOfLen > limit) {
      throw new RlpException("value size exceeds available input length");
    }
    if (d[pos] == 0) {
      throw new RlpException("non-canonical size information");
    }
    if (lenOfLen > 4) {
      throw new RlpException("value too large");
    }
    long len = 0;
    for (int i = 0; i < lenOfLen; i++) {
      len = (len << 8) | (d[pos + i] & 0xff);
    }
    if (len < 56) {
      throw new RlpException("non-canonical size information");
    }
    if (len > Integer.MAX_VALUE) {
      throw new RlpException("value too large");
    }
    return (int) len;
  }

  private static void check(int start, int len, int limit) throws RlpException {
    if (len < 0 || (long) start + len > limit) {
      throw new RlpException("value size exceeds available input length");
    }
  }

  private static byte[] slice(byte[] d, int start, int len) {
    byte[] out = new byte[len];
    System.arraycopy(d, start, out, 0, len);
    return out;
  }

  // ---- writer ----

  public static byte[] string(byte[] b) {
    if (b.length == 1 && (b[0] & 0xff) < 0x80) {
      return b.clone();
    }
    return concat(header(0x80, b.length), b);
  }

  public static byte[] uint(BigInteger v) {
    if (v.signum() == 0) {
      return new byte[] {(byte) 0x80};
    }
    byte[] raw = v.toByteArray();
    if (raw[0] == 0) {
      byte[] t = new byte[raw.length - 1];
      System.arraycopy(raw, 1, t, 0, t.length);
      raw = t;
    }
    return string(raw);
  }

  public static byte[] uint(long v) {
    return uint(BigInteger.valueOf(v));
  }

  public static byte[] uint(UInt256 v) {
    return uint(v.value());
  }

  /** A list of already encoded items. */
  public static byte[] list(byte[]... encodedItems) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (byte[] e : encodedItems) {
      payload.writeBytes(e);
    }
    return listOfPayload(payload.toByteArray());
  }

  public static byte[] list(List<byte[]> encodedItems) {
    return list(encodedItems.toArray(byte[][]::new));
  }

  public static byte[] listOfPayload(byte[] payload) {
    return concat(header(0xc0, payload.length), payload);
  }

  private static byte[] header(int base, int len) {
    if (len < 56) {
      return new byte[] {(byte) (base + len)};
    }
    int lenOfLen = (32 - Integer.numberOfLeadingZeros(len) + 7) / 8;
    byte[] h = new byte[1 + lenOfLen];
    h[0] = (byte) (base + 55 + lenOfLen);
    for (int i = 0; i < lenOfLen; i++) {
      h[lenOfLen - i] = (byte) (len >>> (8 * i));
    }
    return h;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
