package io.live2.server.client;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SseReaderTest {
    static List<ServerEvent> parse(String text) throws Exception {
        List<ServerEvent> out = new ArrayList<>();
        SseReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
        return out;
    }

    @Test
    void fieldsCommentsMultiLineDataAndCrLf() throws Exception {
        List<ServerEvent> e = parse(": hello\r\nid: 7\r\nevent: status\r\ndata: {\"a\":1}\r\n\r\nevent: progress\ndata:line one\ndata: line two\n\n"
                + "id: 9\n\n" + "data: last\n");
        assertEquals(2, e.size(), "an event without data is not dispatched, an unterminated one neither");
        assertEquals(new ServerEvent("7", "status", "{\"a\":1}"), e.get(0));
        assertEquals(new ServerEvent("7", "progress", "line one\nline two"), e.get(1), "the last id carries over");
    }

    @Property(tries = 100)
    void whatIsWrittenIsRead(@ForAll @Size(max = 20) List<@AlphaChars @Size(max = 30) String> data) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            sb.append("id: ").append(i).append("\nevent: e\ndata: ").append(data.get(i)).append("\n\n");
        }
        List<ServerEvent> e = parse(sb.toString());
        assertEquals(data.size(), e.size());
        for (int i = 0; i < data.size(); i++) {
            assertEquals(new ServerEvent(Integer.toString(i), "e", data.get(i)), e.get(i));
        }
    }
}
