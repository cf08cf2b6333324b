"""Tests of pantau.sentences: Indonesian sentence boundaries.

Every text here is written for these tests in the style of the outlets; none is copied from a
published article. The reference article is read from ``../shared`` at test time.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.errors import ResourceError
from pantau.sentences import SentenceSplitter, _parse_abbreviations

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_42d4d4312e1c6563.txt"


@pytest.fixture(scope="module")
def splitter() -> SentenceSplitter:
    return SentenceSplitter()


def sentences(splitter: SentenceSplitter, text: str) -> list[str]:
    return [text[a:b] for a, b in splitter.split(text)]


CASES = [
    # --- Antara, Kompas, detik, Tempo, MINA: plain prose -------------------------------------
    pytest.param(
        "Presiden meresmikan Bendungan Sadawarna di Subang, Jawa Barat, Rabu. "
        "Bendungan itu dibangun dengan biaya Rp1,2 triliun.",
        [
            "Presiden meresmikan Bendungan Sadawarna di Subang, Jawa Barat, Rabu.",
            "Bendungan itu dibangun dengan biaya Rp1,2 triliun.",
        ],
        id="antara-weekday-end",
    ),
    pytest.param(
        "Menteri Keuangan mengatakan defisit APBN hingga Oktober mencapai Rp 0,7 triliun. "
        "Angka itu setara 0,03 persen produk domestik bruto.",
        [
            "Menteri Keuangan mengatakan defisit APBN hingga Oktober mencapai Rp 0,7 triliun.",
            "Angka itu setara 0,03 persen produk domestik bruto.",
        ],
        id="tempo-economics",
    ),
    pytest.param(
        "Pasukan pendudukan menyerbu kompleks Masjid Al-Aqsa pada Jumat pagi. Sedikitnya 12 "
        "jamaah terluka, kata Bulan Sabit Merah.",
        [
            "Pasukan pendudukan menyerbu kompleks Masjid Al-Aqsa pada Jumat pagi.",
            "Sedikitnya 12 jamaah terluka, kata Bulan Sabit Merah.",
        ],
        id="mina-two-sentences",
    ),
    pytest.param(
        "Kecelakaan terjadi di Tol Cipali KM 102, Kamis (7/9) sekitar pukul 05.30 WIB. "
        "Sopir bus diduga mengantuk.",
        [
            "Kecelakaan terjadi di Tol Cipali KM 102, Kamis (7/9) sekitar pukul 05.30 WIB.",
            "Sopir bus diduga mengantuk.",
        ],
        id="detik-time-and-date",
    ),
    pytest.param(
        "Pertumbuhan ekonomi kuartal III mencapai 4,94 persen. Angka ini di bawah target.",
        ["Pertumbuhan ekonomi kuartal III mencapai 4,94 persen.", "Angka ini di bawah target."],
        id="kompas-percent-end",
    ),
    pytest.param(
        "Pasukan bergerak ke kota yang terletak sekitar 140 km, kota yang juga dikuasai milisi.",
        ["Pasukan bergerak ke kota yang terletak sekitar 140 km, kota yang juga dikuasai milisi."],
        id="km-comma-no-split",
    ),
    pytest.param(
        "Majelis hakim PN Jakarta Selatan menjatuhkan vonis 20 tahun penjara kepada terdakwa. "
        "Vonis dibacakan Senin (13/2/2023).",
        [
            "Majelis hakim PN Jakarta Selatan menjatuhkan vonis 20 tahun penjara kepada terdakwa.",
            "Vonis dibacakan Senin (13/2/2023).",
        ],
        id="court-verdict",
    ),
    pytest.param(
        "Perkara No. 123/Pid.B/2023/PN Jkt.Pst diputus kemarin oleh majelis hakim.",
        ["Perkara No. 123/Pid.B/2023/PN Jkt.Pst diputus kemarin oleh majelis hakim."],
        id="court-case-number",
    ),
    pytest.param(
        "1. Menyatakan terdakwa terbukti bersalah. 2. Menjatuhkan pidana penjara lima tahun.",
        [
            "1. Menyatakan terdakwa terbukti bersalah.",
            "2. Menjatuhkan pidana penjara lima tahun.",
        ],
        id="court-numbered-verdict",
    ),
    pytest.param(
        "II. Pertimbangan hukum disampaikan majelis secara bergantian.",
        ["II. Pertimbangan hukum disampaikan majelis secara bergantian."],
        id="roman-list-marker",
    ),
    pytest.param(
        "Hal itu terjadi setelah Perang Dunia II. Kemudian peta politik berubah.",
        ["Hal itu terjadi setelah Perang Dunia II.", "Kemudian peta politik berubah."],
        id="roman-numeral-ends-sentence",
    ),
    # --- quotes -----------------------------------------------------------------------------
    pytest.param(
        "“Kami sudah berkoordinasi dengan pemerintah daerah,” ujar Kepala BPBD Garut, "
        "Satria Budi, Senin (12/2/2024).",
        [
            "“Kami sudah berkoordinasi dengan pemerintah daerah,” ujar Kepala BPBD Garut, "
            "Satria Budi, Senin (12/2/2024)."
        ],
        id="quote-comma-speech-verb",
    ),
    pytest.param(
        "“Situasi sudah kondusif,” kata Kapolres. “Warga diminta tidak terpancing isu.”",
        ["“Situasi sudah kondusif,” kata Kapolres.", "“Warga diminta tidak terpancing isu.”"],
        id="new-quote-after-stop",
    ),
    pytest.param(
        "“Kami tidak akan mundur.” kata dia kepada wartawan di Mapolda.",
        ["“Kami tidak akan mundur.” kata dia kepada wartawan di Mapolda."],
        id="stop-in-quote-then-kata",
    ),
    pytest.param(
        "“Sudah kami periksa.” ujarnya singkat.",
        ["“Sudah kami periksa.” ujarnya singkat."],
        id="stop-in-quote-then-ujarnya",
    ),
    pytest.param(
        "“Ini di Jalan A. Yani.” tegas Kapolsek saat ditemui.",
        ["“Ini di Jalan A. Yani.” tegas Kapolsek saat ditemui."],
        id="initial-and-stop-in-quote-then-tegas",
    ),
    pytest.param(
        "“Operasi berjalan sesuai rencana.” Kata dia, pasukan tetap bersiaga di perbatasan.",
        [
            "“Operasi berjalan sesuai rencana.”",
            "Kata dia, pasukan tetap bersiaga di perbatasan.",
        ],
        id="stop-in-quote-then-capital",
    ),
    pytest.param(
        'Juru bicara itu menyebut situasi "sudah terkendali." Ia menolak merinci jumlah korban.',
        [
            'Juru bicara itu menyebut situasi "sudah terkendali."',
            "Ia menolak merinci jumlah korban.",
        ],
        id="straight-quote-closing",
    ),
    pytest.param(
        'Ketua KPU menutup rapat pleno. "Hasilnya diumumkan besok," katanya.',
        ["Ketua KPU menutup rapat pleno.", '"Hasilnya diumumkan besok," katanya.'],
        id="straight-quote-opening",
    ),
    pytest.param(
        "”Kami siap,” ujarnya. ”Tetapi kami butuh waktu.”",
        ["”Kami siap,” ujarnya.", "”Tetapi kami butuh waktu.”"],
        id="kompas-print-quotes",
    ),
    pytest.param(
        "Warga menyebutnya ‘kampung mati.’ Tidak ada lagi penghuni di sana.",
        ["Warga menyebutnya ‘kampung mati.’", "Tidak ada lagi penghuni di sana."],
        id="single-quotes",
    ),
    pytest.param(
        "“Siapa yang bertanggung jawab?” tanya seorang warga. Aparat belum menjawab.",
        ["“Siapa yang bertanggung jawab?” tanya seorang warga.", "Aparat belum menjawab."],
        id="question-in-quote-then-tanya",
    ),
    pytest.param(
        "“Hidup rakyat!” teriak massa. Aksi berlangsung damai hingga sore.",
        ["“Hidup rakyat!” teriak massa.", "Aksi berlangsung damai hingga sore."],
        id="exclamation-in-quote",
    ),
    # --- ? ! ... ----------------------------------------------------------------------------
    pytest.param(
        "Apa dampaknya bagi petani? Menurut BPS, nilai tukar petani turun 0,5 persen.",
        ["Apa dampaknya bagi petani?", "Menurut BPS, nilai tukar petani turun 0,5 persen."],
        id="question",
    ),
    pytest.param(
        "Merdeka! Teriakan itu menggema di Lapangan Banteng.",
        ["Merdeka!", "Teriakan itu menggema di Lapangan Banteng."],
        id="exclamation",
    ),
    pytest.param(
        "Warga menunggu kabar hingga malam... Pagi harinya, tim SAR menemukan korban.",
        ["Warga menunggu kabar hingga malam...", "Pagi harinya, tim SAR menemukan korban."],
        id="ellipsis-before-capital",
    ),
    pytest.param(
        "Ia hanya berkata, “Kami menunggu... nanti saja,” lalu pergi.",
        ["Ia hanya berkata, “Kami menunggu... nanti saja,” lalu pergi."],
        id="ellipsis-before-lower",
    ),
    pytest.param(
        "Jumlah korban bertambah menjadi... 25 orang, kata petugas.",
        ["Jumlah korban bertambah menjadi... 25 orang, kata petugas."],
        id="ellipsis-before-digit",
    ),
    pytest.param(
        "Semua menunggu… Akhirnya hujan turun juga.",
        ["Semua menunggu…", "Akhirnya hujan turun juga."],
        id="ellipsis-character",
    ),
    # --- brackets, line breaks, white space ------------------------------------------------
    pytest.param(
        "Pemerintah menaikkan harga BBM. (Baca juga: Demo Tolak BBM di Makassar.) "
        "Keputusan itu berlaku mulai pukul 14.30 WIB.",
        [
            "Pemerintah menaikkan harga BBM.",
            "(Baca juga: Demo Tolak BBM di Makassar.)",
            "Keputusan itu berlaku mulai pukul 14.30 WIB.",
        ],
        id="closing-bracket-belongs-to-sentence",
    ),
    pytest.param(
        "Polisi menangkap dua orang\nKeduanya diduga pengedar sabu",
        ["Polisi menangkap dua orang", "Keduanya diduga pengedar sabu"],
        id="line-break-without-stop",
    ),
    pytest.param(
        "Baris pertama  \n  baris kedua tetap kalimat baru.",
        ["Baris pertama", "baris kedua tetap kalimat baru."],
        id="line-break-before-lower",
    ),
    pytest.param(
        "  Dua kalimat di sini.   Ini yang kedua.  ",
        ["Dua kalimat di sini.", "Ini yang kedua."],
        id="surrounding-white-space",
    ),
    pytest.param(
        "Harga naik 5 persen. namun permintaan tetap tinggi.",
        ["Harga naik 5 persen. namun permintaan tetap tinggi."],
        id="lower-case-after-stop",
    ),
    pytest.param(
        "Gempa terjadi pada pukul 04.12 WIB. 12 rumah rusak berat.",
        ["Gempa terjadi pada pukul 04.12 WIB.", "12 rumah rusak berat."],
        id="digit-starts-sentence",
    ),
    pytest.param(
        "Khatib menutup khutbah dengan doa. إن الله مع الصابرين",
        ["Khatib menutup khutbah dengan doa.", "إن الله مع الصابرين"],
        id="caseless-script-starts-sentence",
    ),
    pytest.param(
        "Tanpa tanda baca di akhir",
        ["Tanpa tanda baca di akhir"],
        id="no-terminal-punctuation",
    ),
    # --- military and police: ranks -------------------------------------------------------
    pytest.param(
        "Panglima TNI Jend. TNI Agus Subiyanto meninjau latihan gabungan di Situbondo. "
        "Latihan itu diikuti 4.000 prajurit.",
        [
            "Panglima TNI Jend. TNI Agus Subiyanto meninjau latihan gabungan di Situbondo.",
            "Latihan itu diikuti 4.000 prajurit.",
        ],
        id="military-jend",
    ),
    pytest.param(
        "Pangdam Jaya Mayjen. TNI Mohamad Hasan didampingi Kol. Inf. Sudarmanto dan "
        "Letkol. Czi. Andi Wibowo serta Kapt. Inf. Rudi.",
        [
            "Pangdam Jaya Mayjen. TNI Mohamad Hasan didampingi Kol. Inf. Sudarmanto dan "
            "Letkol. Czi. Andi Wibowo serta Kapt. Inf. Rudi."
        ],
        id="military-rank-chain",
    ),
    pytest.param(
        "Kapolda Irjen. Pol. Sugiyarto mengatakan tersangka ditangkap Kamis (15/6) dini hari. "
        "Penangkapan dipimpin Kombes. Pol. Hengki Haryadi.",
        [
            "Kapolda Irjen. Pol. Sugiyarto mengatakan tersangka ditangkap Kamis (15/6) dini hari.",
            "Penangkapan dipimpin Kombes. Pol. Hengki Haryadi.",
        ],
        id="police-irjen-kombes",
    ),
    pytest.param(
        "Kasat Reskrim AKBP. Budi Hermanto bersama Bripka. Sutrisno dan Ipda. Rina Marlina "
        "mendatangi lokasi.",
        [
            "Kasat Reskrim AKBP. Budi Hermanto bersama Bripka. Sutrisno dan Ipda. Rina Marlina "
            "mendatangi lokasi."
        ],
        id="police-lower-ranks",
    ),
    pytest.param(
        "Danrem 061 Brigjen. TNI Rudy Saladin dan Letjen. (Purn) Sutiyoso hadir.",
        ["Danrem 061 Brigjen. TNI Rudy Saladin dan Letjen. (Purn) Sutiyoso hadir."],
        id="military-rank-before-bracket",
    ),
    # --- titles -----------------------------------------------------------------------------
    pytest.param(
        "Rektor Prof. Dr. Ir. Ari Kuncoro membuka seminar itu. Hadir pula dr. Siti Nadia.",
        ["Rektor Prof. Dr. Ir. Ari Kuncoro membuka seminar itu.", "Hadir pula dr. Siti Nadia."],
        id="academic-titles",
    ),
    pytest.param(
        "Pengajian dipimpin K.H. Ahmad Mustofa dan Hj. Nur Aini di Masjid Al-Ikhlas. "
        "Tgk. H. Faisal Ali turut hadir.",
        [
            "Pengajian dipimpin K.H. Ahmad Mustofa dan Hj. Nur Aini di Masjid Al-Ikhlas.",
            "Tgk. H. Faisal Ali turut hadir.",
        ],
        id="religious-titles",
    ),
    pytest.param(
        "Korban bernama Ny. Sumiati, istri Sdr. Joko, warga Kp. Cibeureum.",
        ["Korban bernama Ny. Sumiati, istri Sdr. Joko, warga Kp. Cibeureum."],
        id="forms-of-address",
    ),
    pytest.param(
        "Mantan Presiden Susilo B. Yudhoyono dan M. Jusuf Kalla hadir bersama A. Muhaimin "
        "Iskandar.",
        [
            "Mantan Presiden Susilo B. Yudhoyono dan M. Jusuf Kalla hadir bersama A. Muhaimin "
            "Iskandar."
        ],
        id="single-initials",
    ),
    # --- places and addresses -----------------------------------------------------------------
    pytest.param(
        "Kebakaran terjadi di Jl. Gajah Mada No. 12, RT. 03 RW. 05, Kel. Petojo Utara, "
        "Kec. Gambir. Api padam pukul 03.15 WIB.",
        [
            "Kebakaran terjadi di Jl. Gajah Mada No. 12, RT. 03 RW. 05, Kel. Petojo Utara, "
            "Kec. Gambir.",
            "Api padam pukul 03.15 WIB.",
        ],
        id="address",
    ),
    pytest.param(
        "Banjir melanda lima desa di Kab. Bandung, Prov. Jawa Barat, sejak Selasa.",
        ["Banjir melanda lima desa di Kab. Bandung, Prov. Jawa Barat, sejak Selasa."],
        id="regency-province",
    ),
    pytest.param(
        "Kantor itu pindah ke Jln. Merdeka Gg. Mawar No. 7 sejak Juli.",
        ["Kantor itu pindah ke Jln. Merdeka Gg. Mawar No. 7 sejak Juli."],
        id="street-alley",
    ),
    # --- misc abbreviations -------------------------------------------------------------------
    pytest.param(
        "Rapat dimulai pkl. 09.00 WIB di Gedung Nusantara. Agenda utama adalah RAPBN.",
        ["Rapat dimulai pkl. 09.00 WIB di Gedung Nusantara.", "Agenda utama adalah RAPBN."],
        id="pkl",
    ),
    pytest.param(
        "Transfer dilakukan ke rekening a.n. Siti Aminah pada 1 s.d. 5 Maret. "
        "Polisi telah memblokir rekening itu.",
        [
            "Transfer dilakukan ke rekening a.n. Siti Aminah pada 1 s.d. 5 Maret.",
            "Polisi telah memblokir rekening itu.",
        ],
        id="an-sd",
    ),
    pytest.param(
        "Laga Persib vs. Persija digelar di Stadion GBLA. Tiket terjual habis.",
        ["Laga Persib vs. Persija digelar di Stadion GBLA.", "Tiket terjual habis."],
        id="vs",
    ),
    pytest.param(
        "Surat itu ditujukan kepada Yth. Bapak Gubernur, lihat hlm. 4 lampiran.",
        ["Surat itu ditujukan kepada Yth. Bapak Gubernur, lihat hlm. 4 lampiran."],
        id="yth-hlm",
    ),
    # --- economics: companies, money, numbers ------------------------------------------------
    pytest.param(
        "Saham PT. Bank Rakyat Indonesia (Persero) Tbk. menguat 2,5 persen pada sesi pertama. "
        "Analis menilai penguatan itu wajar.",
        [
            "Saham PT. Bank Rakyat Indonesia (Persero) Tbk. menguat 2,5 persen pada sesi pertama.",
            "Analis menilai penguatan itu wajar.",
        ],
        id="tbk-before-lower",
    ),
    pytest.param(
        "Laba terbesar dicatat PT Telkom Indonesia Tbk. Perseroan membukukan pendapatan "
        "Rp149 triliun.",
        [
            "Laba terbesar dicatat PT Telkom Indonesia Tbk.",
            "Perseroan membukukan pendapatan Rp149 triliun.",
        ],
        id="tbk-ends-sentence",
    ),
    pytest.param(
        "Kontrak itu diteken CV. Maju Jaya dan UD. Sumber Rezeki pada Senin.",
        ["Kontrak itu diteken CV. Maju Jaya dan UD. Sumber Rezeki pada Senin."],
        id="cv-ud",
    ),
    pytest.param(
        "Harga cabai naik menjadi Rp 85.000 per kg, sementara inflasi 2,5 persen atau 3.5 poin.",
        ["Harga cabai naik menjadi Rp 85.000 per kg, sementara inflasi 2,5 persen atau 3.5 poin."],
        id="thousands-decimals",
    ),
    pytest.param(
        "Kerugian negara mencapai Rp. 1.500.000.000 menurut auditor BPK.",
        ["Kerugian negara mencapai Rp. 1.500.000.000 menurut auditor BPK."],
        id="rp-with-stop",
    ),
    pytest.param(
        "Dana yang dikorupsi sebesar Rp 1.500.000. Uang itu dipakai untuk membeli mobil.",
        ["Dana yang dikorupsi sebesar Rp 1.500.000.", "Uang itu dipakai untuk membeli mobil."],
        id="amount-ends-sentence",
    ),
    pytest.param(
        "Kebakaran terjadi pukul 10.00 WIB dan baru padam pukul 13.30. Tidak ada korban jiwa.",
        [
            "Kebakaran terjadi pukul 10.00 WIB dan baru padam pukul 13.30.",
            "Tidak ada korban jiwa.",
        ],
        id="times",
    ),
    pytest.param(
        "Surat itu bertanggal 15.11.2023 dan ditandatangani Bupati.",
        ["Surat itu bertanggal 15.11.2023 dan ditandatangani Bupati."],
        id="dotted-date",
    ),
    # --- lists: dll. dsb. dkk. ------------------------------------------------------------
    pytest.param(
        "Polisi menyita parang, tombak, panah, dll. Barang bukti dibawa ke Mapolres.",
        ["Polisi menyita parang, tombak, panah, dll.", "Barang bukti dibawa ke Mapolres."],
        id="dll-ends-sentence",
    ),
    pytest.param(
        "Bantuan berupa beras, minyak goreng, mi instan, dll. disalurkan ke posko pengungsian.",
        ["Bantuan berupa beras, minyak goreng, mi instan, dll. disalurkan ke posko pengungsian."],
        id="dll-mid-sentence",
    ),
    pytest.param(
        "Pemda menyiapkan tenda, dapur umum, dsb. Semua dikoordinasikan BPBD.",
        ["Pemda menyiapkan tenda, dapur umum, dsb.", "Semua dikoordinasikan BPBD."],
        id="dsb-ends-sentence",
    ),
    pytest.param(
        "Penelitian itu dilakukan oleh Suharto dkk. Mereka meneliti dampak tambang nikel.",
        ["Penelitian itu dilakukan oleh Suharto dkk.", "Mereka meneliti dampak tambang nikel."],
        id="dkk-ends-sentence",
    ),
    pytest.param(
        "Gugatan diajukan Rahmat dkk. ke PTUN Jakarta pekan lalu.",
        ["Gugatan diajukan Rahmat dkk. ke PTUN Jakarta pekan lalu."],
        id="dkk-mid-sentence",
    ),
    pytest.param(
        "Laporan itu disusun Budi dkk. “Temuan ini mengkhawatirkan,” tulis mereka.",
        ["Laporan itu disusun Budi dkk.", "“Temuan ini mengkhawatirkan,” tulis mereka."],
        id="dkk-before-quote",
    ),
    pytest.param(
        "Temuan itu dilaporkan Siregar dkk. (2021) dalam jurnal kesehatan.",
        ["Temuan itu dilaporkan Siregar dkk. (2021) dalam jurnal kesehatan."],
        id="dkk-before-year-in-brackets",
    ),
    pytest.param(
        "Gugatan itu diajukan oleh Rahmat dkk. LBH Jakarta mendampingi mereka.",
        ["Gugatan itu diajukan oleh Rahmat dkk. LBH Jakarta mendampingi mereka."],
        id="dkk-before-acronym-no-split",
    ),
    # --- degrees ---------------------------------------------------------------------------
    pytest.param(
        "Kuasa hukum terdakwa, Hotman Sitompul, S.H., M.H. menyatakan akan mengajukan banding.",
        ["Kuasa hukum terdakwa, Hotman Sitompul, S.H., M.H. menyatakan akan mengajukan banding."],
        id="degrees-mid-sentence",
    ),
    pytest.param(
        "Sidang dipimpin hakim ketua Bambang Sutrisno, S.H. Jaksa menuntut tujuh tahun penjara.",
        [
            "Sidang dipimpin hakim ketua Bambang Sutrisno, S.H.",
            "Jaksa menuntut tujuh tahun penjara.",
        ],
        id="degree-ends-sentence",
    ),
    pytest.param(
        "Acara dibuka oleh Dr. Rina Wahyuni S.E. M.Si. dari Universitas Padjadjaran.",
        ["Acara dibuka oleh Dr. Rina Wahyuni S.E. M.Si. dari Universitas Padjadjaran."],
        id="degree-chain",
    ),
    pytest.param(
        "Pasien ditangani dr. Andi Pratama, Sp.PD. Kondisinya kini stabil.",
        ["Pasien ditangani dr. Andi Pratama, Sp.PD.", "Kondisinya kini stabil."],
        id="specialist-ends-sentence",
    ),
    pytest.param(
        "Kapal itu milik perusahaan pelayaran A.S. Otoritas pelabuhan belum berkomentar.",
        ["Kapal itu milik perusahaan pelayaran A.S.", "Otoritas pelabuhan belum berkomentar."],
        id="dotted-initials-end",
    ),
    # --- addresses on the web -------------------------------------------------------------
    pytest.param(
        "Informasi lengkap ada di www.antaranews.com dan detik.com, kata dia.",
        ["Informasi lengkap ada di www.antaranews.com dan detik.com, kata dia."],
        id="urls-mid-sentence",
    ),
    pytest.param(
        "Berita ini dikutip dari detik.com. Redaksi telah mengonfirmasi kepada kepolisian.",
        ["Berita ini dikutip dari detik.com.", "Redaksi telah mengonfirmasi kepada kepolisian."],
        id="url-ends-sentence",
    ),
    pytest.param(
        "Pengaduan dapat dikirim ke humas@polri.go.id atau melalui layanan 110.",
        ["Pengaduan dapat dikirim ke humas@polri.go.id atau melalui layanan 110."],
        id="e-mail",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(splitter: SentenceSplitter, text: str, expected: list[str]) -> None:
    assert sentences(splitter, text) == expected


def test_offsets_are_absolute(splitter: SentenceSplitter) -> None:
    text = "Judul berita\n\nPolisi berjaga. Warga tenang.\n\nParagraf lain."
    start = text.index("Polisi")
    end = text.index("\n\nParagraf")
    spans = splitter.split(text, start, end)
    assert [text[a:b] for a, b in spans] == ["Polisi berjaga.", "Warga tenang."]
    assert spans[0][0] == start
    assert spans[-1][1] == end


def test_range_stops_at_end(splitter: SentenceSplitter) -> None:
    text = "Ia datang. Ia pergi. Ia kembali."
    end = text.index(" Ia pergi")
    assert splitter.split(text, 0, end) == [(0, end)]


def test_negative_start_counts_from_the_end(splitter: SentenceSplitter) -> None:
    text = "Ia datang. Ia pergi."
    assert splitter.split(text, -9) == [(11, 20)]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t "])
def test_empty_range(splitter: SentenceSplitter, text: str) -> None:
    assert splitter.split(text) == []


def test_start_after_end(splitter: SentenceSplitter) -> None:
    assert splitter.split("Ia datang. Ia pergi.", 10, 3) == []


# --- the abbreviation data file -------------------------------------------------------------


def _data() -> dict[str, dict[str, object]]:
    resource = resources.files("pantau") / "data" / "abbreviations.toml"
    return {
        kind: table
        for kind, table in tomllib.loads(resource.read_text(encoding="utf-8")).items()
        if isinstance(table, dict)
    }


def _entries(policy: str) -> list[str]:
    return sorted(
        entry
        for table in _data().values()
        if table["ends_sentence"] == policy
        for entry in table["entries"]  # type: ignore[attr-defined]
    )


def test_data_file_has_the_expected_kinds() -> None:
    assert {"titles", "ranks", "places", "misc", "closing", "degrees"} <= set(_data())


@pytest.mark.parametrize("abbreviation", _entries("never"))
def test_never_abbreviation_does_not_end(splitter: SentenceSplitter, abbreviation: str) -> None:
    text = f"Surat itu diterima {abbreviation} Budi Santoso kemarin. Isinya belum dibuka."
    assert len(splitter.split(text)) == 2


@pytest.mark.parametrize("abbreviation", _entries("before_word"))
def test_closing_abbreviation_decided_by_next_word(
    splitter: SentenceSplitter, abbreviation: str
) -> None:
    assert len(splitter.split(f"Data disusun Budi {abbreviation} lalu diumumkan.")) == 1
    assert len(splitter.split(f"Data disusun Budi {abbreviation} Hasilnya diumumkan.")) == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"titles": ["Dr."]}, "is not a table"),
        ({"titles": {"ends_sentence": "sometimes", "entries": ["Dr."]}}, "ends_sentence"),
        ({"titles": {"ends_sentence": "never", "entries": []}}, "non-empty list"),
        ({"titles": {"ends_sentence": "never", "entries": ["Dr"]}}, "final full stop"),
        ({"titles": {"ends_sentence": "never", "entries": ["K. H."]}}, "white space"),
        (
            {
                "titles": {"ends_sentence": "never", "entries": ["Dr."]},
                "misc": {"ends_sentence": "never", "entries": ["Dr."]},
            },
            "one kind only",
        ),
    ],
)
def test_bad_data_is_reported(data: dict[str, object], message: str) -> None:
    with pytest.raises(ResourceError, match=message):
        _parse_abbreviations(data, "abbreviations.toml")


# --- the reference article ------------------------------------------------------------------


def _seed_paragraphs() -> list[str]:
    if not SEED.is_file():
        pytest.fail(
            f"reference article not found at {SEED}; check out ../shared beside the project"
        )
    lines = SEED.read_text(encoding="utf-8").splitlines()
    paragraphs = [lines[n - 1] for n in (1, 2, 3, 5, 6, 7, 8, 10, 11)]
    paragraphs[0] = re.sub(r"^.*?\(MINA\)\s*[–-]\s*", "", paragraphs[0])
    paragraphs[-1] = re.sub(r"\s*\(T/RI-1/P1\)\s*$", "", paragraphs[-1])
    return paragraphs


def test_reference_article(splitter: SentenceSplitter) -> None:
    body = "\n\n".join(_seed_paragraphs())
    found: list[str] = []
    start = 0
    for paragraph in body.split("\n\n"):
        found += [body[a:b] for a, b in splitter.split(body, start, start + len(paragraph))]
        start += len(paragraph) + 2

    assert len(found) == 11
    assert found[0].startswith("Juru bicara Pentagon")
    assert found[1].startswith("“Banyak administrator")
    assert found[1].endswith("kata Kapten Davis.")
    assert found[2].startswith("“Jadi mereka")
    assert found[2].endswith("mereka.”")
    assert found[-1].endswith("di Aleppo.")
    assert any("140 km, kota" in sentence for sentence in found)
    # The whole body at once: line breaks end sentences, so the result is the same.
    assert sentences(splitter, body) == found


# --- properties -----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        " ", "  ", "\n", "\t", "\u00a0", ".", "...", "…", "?", "!", ",", "“", "”", '"', "'", "‘",
        "’", "(", ")", "[", "]", "Jl.", "dll.", "S.H.", "B.", "a.n.", "1.", "10.30", "Rp",
        "Polisi", "kata", "ISIS", "2017", "إن", "x",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join),
)


def _check_spans(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    previous = start
    covered: set[int] = set()
    for a, b in spans:
        assert previous <= a < b <= end
        assert not text[a].isspace()
        assert not text[b - 1].isspace()
        covered.update(range(a, b))
        previous = b
    assert all(text[i].isspace() or i in covered for i in range(start, end))


@settings(max_examples=400)
@given(_TEXTS)
def test_property_whole_text(splitter: SentenceSplitter, text: str) -> None:
    spans = splitter.split(text)
    _check_spans(text, 0, len(text), spans)


@settings(max_examples=400)
@given(_TEXTS, st.data())
def test_property_range(splitter: SentenceSplitter, text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = splitter.split(text, start, end)
    _check_spans(text, start, end, spans)
