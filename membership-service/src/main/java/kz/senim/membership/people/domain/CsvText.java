package kz.senim.membership.people.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;

/**
 * The bytes of an uploaded CSV file as text. A file is UTF-8 (with or without a byte-order mark) unless the
 * upload declares another charset ({@code Content-Type: text/csv; charset=windows-1251}). Bytes that are not
 * valid in that charset refuse the whole file with the row they are in ({@code rows[3]},
 * {@code directory.file.encoding}: how to save the file), so that nothing is ever stored as replacement
 * characters. Russian-locale Excel's "CSV (comma delimited)" is Windows-1251: it is refused as UTF-8 and
 * read correctly when declared.
 */
public final class CsvText {

    private CsvText() {}

    /**
     * @param declared the charset the upload declares, or null for the default, UTF-8
     * @throws InvalidInput with the row of the first byte that is not valid in the charset
     */
    public static String decode(byte[] bytes, Charset declared) {
        Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
        byte[] body = bytes == null ? new byte[0] : bytes;
        int start = 0;
        if (charset.equals(StandardCharsets.UTF_8)
                && body.length >= 3
                && (body[0] & 0xFF) == 0xEF
                && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out =
                CharBuffer.allocate((int) Math.ceil((body.length - start) * (double) decoder.maxCharsPerByte()) + 1);
        var result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidInput(List.of(
                    new FieldProblem("rows[" + rowAt(body, start, in.position()) + "]", "directory.file.encoding")));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The 1-based line of the byte at {@code position} (line breaks are the same byte in every charset Senim reads). */
    static int rowAt(byte[] body, int start, int position) {
        int row = 1;
        for (int i = start; i < position && i < body.length; i++) {
            if (body[i] == '\n') {
                row++;
            }
        }
        return row;
    }

    /** The charset named in an upload, or null; an unknown name refuses the file. */
    public static Charset charsetNamed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new FieldProblem("charset", "directory.file.charset")));
        }
    }
}
