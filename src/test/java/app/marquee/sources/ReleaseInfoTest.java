package app.marquee.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.marquee.sources.ReleaseInfo.Hdr;
import app.marquee.sources.ReleaseInfo.Source;

class ReleaseInfoTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # release name                                                           | quality | codec | hdr                 | bits | source | 3D
        The.Matrix.1999.1080p.BluRay.x264-SPARKS                                  | P1080   | X264  | -                   | -    | BLURAY | false
        Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.DV.HDR10.H.265-FLUX          | P2160   | X265  | HDR10 DOLBY_VISION  | -    | WEB_DL | false
        Oppenheimer.2023.2160p.UHD.BluRay.REMUX.HDR10.HEVC.DTS-HD.MA.5.1-FGT      | P2160   | X265  | HDR10               | -    | BLURAY | false
        Parasite (2019) [1080p] [BluRay] [5.1] [YTS.MX]                           | P1080   | -     | -                   | -    | BLURAY | false
        Everything Everywhere All at Once 2022 720p WEBRip x264 AAC-YTS           | P720    | X264  | -                   | -    | WEBRIP | false
        Avatar.2009.1080p.3D.BluRay.Half-SBS.x264.DTS-HD.MA.7.1-RARBG             | P1080   | X264  | -                   | -    | BLURAY | true
        Gravity.2013.3D.HSBS.BluRay.x264-YTS                                      | THREE_D | X264  | -                   | -    | BLURAY | true
        Spirited.Away.2001.1080p.BluRay.10bit.HEVC.6CH-MkvCage                    | P1080   | X265  | -                   | 10   | BLURAY | false
        The.Office.US.S05E14.720p.HDTV.x264-CTU                                   | P720    | X264  | -                   | -    | HDTV   | false
        Big.Buck.Bunny.2008.480p.DVDRip.XviD-GRP                                  | P480    | -     | -                   | -    | DVDRIP | false
        Nosferatu.2024.1080p.WEB.H264-SuccessfulCrab                              | P1080   | X264  | -                   | -    | WEB    | false
        Top.Gun.Maverick.2022.2160p.AMZN.WEB-DL.DDP5.1.Atmos.HDR10Plus.HEVC-CMRG  | P2160   | X265  | HDR10_PLUS          | -    | WEB_DL | false
        Interstellar 2014 4K HDR10+ DV BDRip x265 10-bit                          | P2160   | X265  | HDR10_PLUS DOLBY_VISION | 10 | BRRIP | false
        Blade.Runner.2049.2017.1080p.BrRip.x264.AAC-RARBG                         | P1080   | X264  | -                   | -    | BRRIP  | false
        Sintel.2010.2160p.WEBRip.AV1.Opus.8bit-GRP                                | P2160   | AV1   | -                   | 8    | WEBRIP | false
        Planet.Earth.II.S01E01.2160p.iP.WEB-DL.HLG.HEVC-GRP                       | P2160   | X265  | HLG                 | -    | WEB_DL | false
        the_thing_1982_720p_bluray_x264                                           | P720    | X264  | -                   | -    | BLURAY | false
        Amélie.2001.1080i.HDTV.AVC.DD5.1-GRP                                      | P1080   | X264  | -                   | -    | HDTV   | false
        The.Mandalorian.S03E01.1080p.DSNP.WEB-DL.DDP5.1.Atmos.H.264-NTb           | P1080   | X264  | -                   | -    | WEB_DL | false
        Tenet.2020.2160p.WEB-DL.DoVi.HDR.x265-GRP                                 | P2160   | X265  | HDR10 DOLBY_VISION  | -    | WEB_DL | false
        Akira.1988.Dolby.Vision.2160p.Hi10P.HEVC                                  | P2160   | X265  | DOLBY_VISION        | 10   | -      | false
        Charlottes.Web.2006.DVDRip.XviD                                           | -       | -     | -                   | -    | DVDRIP | false
        Holiday Video From Grandma                                                | -       | -     | -                   | -    | -      | false
        """)
    void aReleaseNameSaysWhatItIs(String name, @Nullable Quality quality, @Nullable VideoCodec codec,
            @Nullable String hdr, @Nullable Integer bitDepth, @Nullable Source source, boolean threeD) {
        assertThat(ReleaseInfo.parse(name)).isEqualTo(new ReleaseInfo(quality, codec, hdrs(hdr), bitDepth, source, threeD));
    }

    @Test
    void wordsInsideOtherWordsAreNotRead() {
        ReleaseInfo info = ReleaseInfo.parse("DVDs.of.HDRoom.Webster.7200px.x2640.Dvorak.3Dogs");

        assertThat(info).isEqualTo(new ReleaseInfo(null, null, Set.of(), null, null, false));
        assertThat(info.isHdr()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(nullValues = "-", textBlock = """
        720p,  web,    x264, 8,  P720,    X264, 8,  WEB,    false
        1080p, bluray, x264, 8,  P1080,   X264, 8,  BLURAY, false
        2160p, bluray, x265, 10, P2160,   X265, 10, BLURAY, false
        3D,    bluray, x264, 8,  THREE_D, X264, 8,  BLURAY, true
        1080p, WEB,    X265, 10, P1080,   X265, 10, WEB,    false
        480p,  dvd,    xvid, ?,  P480,    -,    -,  -,      false
        -,     -,      -,    -,  -,       -,    -,  -,      false
        """)
    void ytsFieldsAreReadAsTheyAreGiven(@Nullable String quality, @Nullable String type, @Nullable String videoCodec,
            @Nullable String bitDepth, @Nullable Quality expectedQuality, @Nullable VideoCodec expectedCodec,
            @Nullable Integer expectedBitDepth, @Nullable Source expectedSource, boolean threeD) {
        assertThat(ReleaseInfo.ofYts(quality, type, videoCodec, bitDepth)).isEqualTo(new ReleaseInfo(expectedQuality,
                expectedCodec, Set.of(), expectedBitDepth, expectedSource, threeD));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
        720p,  P720
        1080P, P1080
        1080i, P1080
        4k,    P2160
        4K,    P2160
        2160p, P2160
        UHD,   P2160
        3D,    THREE_D
        3d,    THREE_D
        ' 480p ', P480
        576p,  -
        HD,    -
        '',    -
        """)
    void qualityTokensAreReadInAnyCase(String token, @Nullable Quality expected) {
        assertThat(Quality.parse(token)).isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @Test
    void qualitiesAndCodecsHaveTheirUsualNames() {
        assertThat(Arrays.stream(Quality.values()).map(Quality::label)).containsExactly("480p", "720p", "1080p", "2160p", "3D");
        assertThat(Arrays.stream(VideoCodec.values()).map(VideoCodec::label)).containsExactly("x264", "x265", "AV1");
    }

    @Test
    void onlyX265NeedsTranscodingForABrowser() {
        assertThat(VideoCodec.X264.isBrowserPlayable()).isTrue();
        assertThat(VideoCodec.AV1.isBrowserPlayable()).isTrue();
        assertThat(VideoCodec.X265.isBrowserPlayable()).isFalse();
        assertThat(VideoCodec.parse("HEVC")).contains(VideoCodec.X265);
        assertThat(VideoCodec.parse("h.264")).contains(VideoCodec.X264);
        assertThat(VideoCodec.parse("VP9")).isEmpty();
    }

    private static Set<Hdr> hdrs(@Nullable String names) {
        return names == null ? Set.of()
                : Arrays.stream(names.split(" ")).map(Hdr::valueOf).collect(Collectors.toSet());
    }
}
