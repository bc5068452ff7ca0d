package io.pepper.receiver.store.influx;

import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxV1CompatInterceptorTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/v2/write?org=-&bucket=pepper/autogen&precision=ms | /write?db=pepper&rp=autogen&precision=ms
			/api/v2/write?org=-&bucket=pepper/autogen&precision=ns | /write?db=pepper&rp=autogen&precision=n
			/api/v2/write?org=-&bucket=pepper/autogen&precision=us | /write?db=pepper&rp=autogen&precision=u
			/api/v2/write?org=-&bucket=pepper/autogen&precision=s  | /write?db=pepper&rp=autogen&precision=s
			/api/v2/write?org=-&bucket=pepper&precision=ms         | /write?db=pepper&precision=ms
			/api/v2/write?bucket=pepper/autogen&consistency=all    | /write?db=pepper&rp=autogen&consistency=all
			/influx/api/v2/write?bucket=metrics/month&precision=ms | /influx/write?db=metrics&rp=month&precision=ms
			/query?q=SHOW%20DATABASES&db=pepper                    | /query?q=SHOW%20DATABASES&db=pepper
			/api/v2/query?org=-                                    | /api/v2/query?org=-
			/ping                                                  | /ping
			""")
	void rewritesOnlyV2WritesToV1Writes(String given, String expected) {
		HttpUrl url = HttpUrl.get("http://127.0.0.1:8086" + given);
		assertThat(InfluxV1CompatInterceptor.rewrite(url).toString()).isEqualTo("http://127.0.0.1:8086" + expected);
	}

}
