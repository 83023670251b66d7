"""Built-in word lists and weights for the demo data: names common in Bangka
Belitung, places, and who tends to harm whom (weights, not statistics)."""

from __future__ import annotations

from typing import Any

# ---- built-in word lists ------------------------------------------------------------

# Names are built from parts, as Indonesians are named: a Malay/Muslim given name, often
# a second one and a father's or family name; a Javanese single or double name; a
# Chinese-Indonesian clan name with a two-syllable given name, or a Christian given name
# with an Indonesian surname; a Batak, Minang or Bugis given name with its marga. Over a
# million distinct names for each sex, so a fragment of one matches a share of victims
# like a real register's, not one in forty (tests/store/test_demo.py measures it).
_P_DEPAN = (
    "Siti", "Nur", "Dewi", "Sri", "Putri", "Rina", "Yuli", "Indah", "Fitri", "Ayu",
    "Wulan", "Rahma", "Dian", "Eka", "Dwi", "Tri", "Nurul", "Rosita", "Aulia", "Anisa",
    "Maya", "Mega", "Novi", "Desi", "Lia", "Intan", "Yanti", "Rini", "Susi", "Fatimah",
    "Aminah", "Aisyah", "Zahra", "Nadia", "Salma", "Hana", "Laila", "Zulaikha", "Rukiah",
    "Masitah", "Juliana", "Herlina", "Emilia", "Yusnita", "Rosmawati", "Darmawati",
    "Nurhayati", "Sumarni", "Rohaya", "Zaitun", "Safiah", "Sakinah", "Mardiana", "Arini",
    "Bunga", "Cahaya", "Delima", "Elsa", "Farah", "Gita", "Hesti", "Ika", "Jihan", "Kania",
    "Latifah", "Mawar", "Naura", "Olivia", "Puspita", "Qori", "Ratna", "Sinta", "Tiara",
    "Umi", "Vina", "Winda", "Yasmin", "Zakia", "Adelia", "Bella", "Citra", "Dinda",
    "Erika", "Fadhila", "Ghina", "Hafizah", "Izzati", "Kirana", "Lulu", "Mutia", "Nayla",
    "Permata", "Rara", "Syifa", "Tasya", "Utari", "Veni", "Wardah", "Yunita", "Zainab",
    "Asmah", "Badriah", "Chairani", "Dahlia", "Elvira", "Fauziah", "Hasnah", "Irma",
    "Jamilah", "Kamariah", "Lestiani", "Maisarah", "Nafisah", "Rabiah", "Sarifah",
    "Tuti", "Wahidah", "Yuliana", "Zuraida", "Nabilah", "Khadijah", "Ma'rifah",
    "Nu'aimah", "Raudhah", "Syarifah", "Mariam", "Halijah", "Kalsum", "Zaleha", "Norma",
    "Rosnani", "Salbiah", "Umairah", "Hanifah", "Qonita", "Rifdah", "Sabrina", "Alya",
    "Keysha", "Aqila", "Shofiyah", "Husna", "Munawarah", "Rosidah", "Jubaidah", "Atikah",
)
_P_TENGAH = (  # a second given name
    "Nur", "Ayu", "Putri", "Dewi", "Indah", "Sari", "Rahmah", "Aulia", "Amalia", "Zahra",
    "Nabila", "Fitria", "Kartika", "Permata", "Cahaya", "Intan", "Mutiara", "Anggun",
    "Rizqi", "Hidayah", "Rahmi", "Azizah", "Karima", "Salsabila", "Khairunnisa", "Jannah",
    "Wardani", "Melati", "Suci", "Asri", "Lestari", "Wulandari", "Maharani", "Ramadhani",
    "Oktavia", "Novita", "Desianti", "Januarti", "Febrianti", "Aprilia", "Meilani",
    "Juniarti", "Julia", "Agustin", "Septia", "Oktaviani", "Noviyanti", "Desember",
    "Fadhilah", "Marwah", "Hasanah", "Husnul", "Khotimah", "Munawaroh", "Nurlaila",
    "Qurrota", "Ainun", "Syahida", "Latifa", "Nadhira", "Zakiyah", "Kamila", "Habibah",
)
_P_BELAKANG = (
    "Aminah", "Aisyah", "Rahmawati", "Lestari", "Handayani", "Wahyuni", "Kartika",
    "Maharani", "Anggraini", "Safitri", "Purnamasari", "Oktaviani", "Nurjanah", "Marlina",
    "Susanti", "Yulianti", "Ramadhani", "Fadilah", "Khairunnisa", "Nabila", "Azzahra",
    "Salsabila", "Halimah", "Maimunah", "Rohana", "Zubaidah", "Agustina", "Febriani",
    "Pertiwi", "Sulistiawati", "Kusumawati", "Puspitasari", "Permatasari", "Rahayu",
    "Setyaningsih", "Wijayanti", "Mulyani", "Hartati", "Suryani", "Yuliani", "Hastuti",
    "Ningsih", "Utami", "Apriani", "Novianti", "Fitriani", "Hairani", "Juwita", "Kumalasari",
)
_FAMILI = (  # a father's or family name after the given names (Malay Bangka use)
    "Abdullah", "Bakar", "Daud", "Hamid", "Ibrahim", "Ishak", "Jaafar", "Kadir", "Latif",
    "Mahmud", "Nawawi", "Osman", "Rasyid", "Salleh", "Taher", "Umar", "Yahya", "Zainal",
    "Hasyim", "Idris", "Ja'far", "Ma'ruf", "Mu'min", "Rozali", "Syamsudin", "Thamrin",
    "Wahab", "Yunus", "Zakaria", "Ali", "Basri", "Chaidir", "Darwis", "Effendi", "Fachri",
    "Gani", "Hamzah", "Ilyas", "Junaidi", "Kamaruddin", "Lukman", "Mansur", "Nasir",
    "Rahman", "Sabri", "Tajudin", "Usman", "Wahid", "Yusri", "Zulkarnain", "Amran",
    "Bahrin", "Depati", "Hasan", "Husin", "Karim", "Marzuki", "Nurdin", "Rusli", "Saleh",
    "Sahrul", "Syarif", "Tarmizi", "Zubir", "Anwar", "Burhan", "Fadli", "Halim", "Jamil",
    "Rosyid", "Suhaimi", "Samsuri", "Rasidi", "Hambali", "Mukhtar", "Aziz", "Badrun",
)
_JAWA_P = (  # Javanese women: often one name
    "Sumiati", "Suparmi", "Sulastri", "Sukarsih", "Wagiyem", "Painem", "Tukiyem",
    "Sutinah", "Parmi", "Sarinah", "Wartini", "Suwarni", "Ngatini", "Rukmini", "Sumarsih",
    "Tarsini", "Warsiti", "Kasminah", "Sriyatun", "Endang", "Purwati", "Lastri",
    "Sundari", "Kustini", "Martini", "Mujiati", "Rusmini", "Sukini", "Tumirah", "Wiji",
    "Siswati", "Suyatmi", "Pujiastuti", "Sukesi", "Retno", "Ambarwati", "Kusmiyati",
)
_JAWA_L = (
    "Sutrisno", "Sugeng", "Slamet", "Suparman", "Bambang", "Joko", "Suyanto", "Wagimin",
    "Paino", "Tukiman", "Sarmin", "Warsito", "Sukardi", "Darmaji", "Giyanto", "Haryono",
    "Kusnadi", "Mulyono", "Ngadiman", "Purwanto", "Riyanto", "Sapto", "Teguh", "Wahono",
    "Yatno", "Sumarno", "Sukirman", "Parjo", "Kasno", "Budiono", "Tarjo", "Sudarsono",
)
_JAWA_BELAKANG = (
    "Wibowo", "Susilo", "Prasetyo", "Nugroho", "Santoso", "Widodo", "Raharjo", "Utomo",
    "Purnomo", "Hadi", "Suharto", "Wijaya", "Saputro", "Kusuma", "Handoko", "Setyawan",
    "Wulandari", "Lestari", "Rahayu", "Ningsih", "Astuti", "Handayani",
)
# Chinese-Indonesian (Hakka) given names: two syllables, the clan name first
_SUKU_KATA_P = ("Mei", "Lan", "Siu", "Kim", "Lie", "Hoa", "Fung", "Lian", "Yin", "Chin",
                "Sui", "Nyuk", "Fa", "Jun", "Ling", "Ngo", "Moi", "Yun", "Khim", "Fong",
                "Lee", "Hui", "Sian", "Thai", "Nyit", "Kiu", "Cui", "Min")
_SUKU_KATA_L = ("Fat", "Khiong", "Kim", "Liong", "Ket", "Sin", "Ahin", "Kian", "Jung",
                "Fuk", "Tjin", "Hin", "Kon", "Sen", "Thiam", "Cong", "Fui", "Kiong", "Nam",
                "Siong", "Tet", "Jiun", "Hok", "Lun", "Phin", "Sun", "Wan", "Yong")
_P_TIONGHOA = (  # everyday names, with an Indonesian surname or the clan name
    "Meiliana", "Lily", "Lina", "Susan", "Vivian", "Cindy", "Yenny", "Fenny", "Merry",
    "Siska", "Lani", "Melinda", "Stefani", "Jessica", "Angeline", "Christine", "Veronika",
    "Natalia", "Felicia", "Gracia", "Monica", "Yuliana", "Elisabeth", "Theresia", "Agnes",
    "Lidya", "Devi", "Sherly", "Winny", "Ellen", "Irene", "Maria", "Margaretha", "Hellen",
)
_L_TIONGHOA = (
    "Akiong", "Ahin", "Acong", "Afuk", "Apin", "Ahmin", "Hendrik", "Johan", "Hengky",
    "Suhendi", "Budiman", "Andreas", "Stefanus", "Yohanes", "Kevin", "Willy", "Robert",
    "Antonius", "Fransiskus", "Michael", "Vincent", "Edwin", "Ferry", "Hendra", "Sutanto",
    "Rudy", "Tommy", "Jimmy", "Benny", "Hartono", "Lukas", "Paulus", "Gunawan",
)
_MARGA = (  # Hakka clan names common in Bangka
    "Bong", "Lim", "Tjhin", "Phang", "Liong", "Chong", "Tjong", "Fung", "Liu", "Ng",
    "Kho", "Lo", "Tan", "Oey", "Thjie", "Jap", "Lie", "Tjoa", "Khoe", "Sie", "Tjen",
    "Wong", "Tang", "Chin", "Kwee", "Ho", "Yap", "Lay", "Thung", "Bun",
)
_MARGA_INDONESIA = ("Halim", "Wijaya", "Gunawan", "Susanto", "Salim", "Tanoto", "Santoso",
                    "Tanudjaja", "Kurniadi", "Hartanto", "Setiadi", "Lukito", "Sugianto",
                    "Widjaja", "Tjandra", "Hidayat", "Pranata", "Kusnadi", "Sutedja")
_L_DEPAN = (
    "Ahmad", "Muhammad", "Rizki", "Andi", "Budi", "Agus", "Hendra", "Rudi", "Dedi",
    "Firman", "Yusuf", "Ilham", "Fajar", "Bayu", "Rahmat", "Syahrul", "Zulkifli", "Hasan",
    "Usman", "Sulaiman", "Ismail", "Amir", "Harun", "Ridwan", "Erwin", "Irwan", "Joni",
    "Roni", "Supri", "Hamdan", "Jamal", "Arif", "Doni", "Wahyu", "Abdul", "Aidil", "Bahtiar",
    "Chandra", "Darmawan", "Eko", "Faisal", "Gilang", "Hafiz", "Imam", "Jefri", "Khairul",
    "Lutfi", "Mahfud", "Nanda", "Oki", "Putra", "Rafi", "Sandi", "Taufik", "Ujang", "Viki",
    "Wawan", "Yogi", "Zainal", "Aldi", "Beni", "Dani", "Evan", "Feri", "Gani", "Heri",
    "Iwan", "Jaka", "Kiki", "Lukman", "Mursal", "Nazar", "Rendi", "Sahrul", "Tomi",
    "Udin", "Yudi", "Zaki", "Ma'ruf", "Nu'man", "Mas'ud", "Sya'ban", "Azhar", "Basuki",
    "Darwin", "Edi", "Fikri", "Habib", "Iqbal", "Junaidi", "Kurnia", "Maulidin", "Najib",
    "Rasyid", "Saiful", "Tarmizi", "Wahid", "Yazid", "Zulfikar", "Amrullah", "Burhanudin",
)
_L_TENGAH = (
    "Nur", "Rizal", "Fajar", "Hidayat", "Ikhsan", "Fadli", "Akbar", "Alfarizi", "Ramadhan",
    "Aditya", "Putra", "Maulana", "Firdaus", "Ilham", "Syahputra", "Kurnia", "Dwi",
    "Surya", "Bagus", "Arya", "Satria", "Jaya", "Dimas", "Reza", "Fauzan", "Rahmat",
    "Habibi", "Hafidz", "Luthfi", "Zidan", "Raihan", "Farhan", "Naufal", "Rafif",
)
_L_BELAKANG = (
    "Saputra", "Pratama", "Hidayat", "Kurniawan", "Setiawan", "Syahputra", "Ramadhan",
    "Hakim", "Firdaus", "Maulana", "Gunawan", "Nugroho", "Santoso", "Effendi", "Rahman",
    "Fauzi", "Hamzah", "Irawan", "Permana", "Sudirman", "Prasetya", "Wijaksono", "Hermawan",
    "Suryadi", "Hartono", "Purnama", "Mulyadi", "Siswanto", "Sembiring", "Simanjuntak",
)
_MARGA_LAIN = (  # Batak, Minang, Bugis, Flores, Ambon: given name + marga or gelar
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitompul", "Hutagalung",
    "Pardede", "Sinaga", "Tambunan", "Panjaitan", "Simatupang", "Sihombing", "Manurung",
    "Ginting", "Tarigan", "Sembiring", "Daeng", "Andi", "Pattimura", "Latuconsina",
    "Da Costa", "De Fretes", "Lewier", "Ratu", "Sinambela", "Chaniago", "Piliang",
    "Koto", "Tanjung", "Sikumbang", "Jambak",
)
_DEPAN_LAIN_P = ("Maria", "Rosmauli", "Friska", "Debora", "Ruth", "Yohana", "Hotmaida",
                 "Tiurma", "Nurmala", "Rosdiana", "Sondang", "Lamtiur", "Andi", "Fitriani",
                 "Yusnidar", "Elvi", "Yosefina", "Agustina")
_DEPAN_LAIN_L = ("Marihot", "Parulian", "Togar", "Bonar", "Jonathan", "Daniel", "Samuel",
                 "Hotman", "Rudolf", "Yosef", "Andi", "Amrizal", "Syafri", "Datuk",
                 "Petrus", "Markus", "Benediktus", "Zulhendri")


def _nama_tionghoa(r: Any, p: bool) -> str:
    """A Chinese-Indonesian name: clan + two-syllable given name, or an everyday given
    name with the clan name or an Indonesian surname."""
    v = r.random()
    if v < 0.45:
        suku = _SUKU_KATA_P if p else _SUKU_KATA_L
        a = r.choice(suku)
        b = r.choice(suku)
        while b == a:
            b = r.choice(suku)
        return f"{r.choice(_MARGA)} {a} {b}"
    depan = r.choice(_P_TIONGHOA if p else _L_TIONGHOA)
    if v < 0.6:
        return f"{depan} {r.choice(_MARGA)}"
    return f"{depan} {r.choice(_MARGA_INDONESIA)}"


def nama_orang(r: Any, jk: str) -> str:
    """One person's name drawn from the pools above with `r` (a seeded `random.Random`):
    the share of each naming tradition roughly as in Bangka Belitung."""
    u = r.random()
    p = jk == "p"
    if u < 0.18:
        return _nama_tionghoa(r, p)
    if u < 0.32:  # Javanese
        if r.random() < 0.4:
            return r.choice(_JAWA_P if p else _JAWA_L)
        depan = r.choice(_JAWA_P if p else _JAWA_L) if r.random() < 0.5 else r.choice(
            _P_DEPAN if p else _L_DEPAN)
        return f"{depan} {r.choice(_JAWA_BELAKANG)}"
    if u < 0.40:  # Batak, Minang, Bugis, eastern Indonesia
        return f"{r.choice(_DEPAN_LAIN_P if p else _DEPAN_LAIN_L)} {r.choice(_MARGA_LAIN)}"
    # Malay / Muslim: given name, often a second one, often a father's/family name
    bagian = [r.choice(_P_DEPAN if p else _L_DEPAN)]
    if r.random() < 0.5:
        tengah = r.choice(_P_TENGAH if p else _L_TENGAH)
        if tengah != bagian[0]:
            bagian.append(tengah)
    v = r.random()
    if v < 0.45:
        bagian.append(r.choice(_FAMILI))
    elif v < 0.85:
        bagian.append(r.choice(_P_BELAKANG if p else _L_BELAKANG))
    if len(bagian) == 1 and r.random() < 0.5:
        bagian.append(r.choice(_FAMILI))
    return " ".join(bagian)


_PETUGAS = (
    "Rina Marlina", "Dewi Anggraini", "Hendra Saputra", "Fitri Handayani",
    "Meiliana Halim", "Yulianti", "Ridwan Hakim",
)

# kab/kota (Kemendagri code) → weight, and its kelurahan/desa for addresses
_KABKOTA: dict[str, tuple[int, tuple[str, ...]]] = {
    "19.71": (30, ("Kel. Bukit Besar", "Kel. Gedung Nasional", "Kel. Batin Tikal",
                   "Kel. Gabek", "Kel. Bacang", "Kel. Air Itam", "Kel. Pasir Putih",
                   "Kel. Rejosari", "Kel. Semabung Lama", "Kel. Opas Indah",
                   "Kel. Kacang Pedang", "Kel. Selindung", "Kel. Tua Tunu",
                   "Kel. Bukit Intan", "Kel. Taman Bunga")),
    "19.01": (20, ("Kel. Sungailiat", "Kel. Parit Padang", "Kel. Sri Menanti",
                   "Kel. Kuday", "Desa Riau Silip", "Desa Pemali", "Desa Merawang",
                   "Desa Baturusa", "Desa Mendo", "Desa Puding Besar", "Desa Bakam",
                   "Kel. Belinyu")),
    "19.04": (14, ("Kel. Koba", "Desa Pangkalan Baru", "Desa Namang", "Desa Simpang Katis",
                   "Kel. Sungai Selan", "Desa Lubuk Besar", "Desa Benteng", "Desa Air Mesu")),
    "19.03": (10, ("Kel. Toboali", "Desa Tanjung Ketapang", "Desa Air Gegas", "Desa Payung",
                   "Desa Simpang Rimba", "Desa Tukak", "Desa Sadai", "Desa Pongok")),
    "19.05": (10, ("Kel. Muntok", "Desa Jebus", "Desa Kelapa", "Desa Tempilang",
                   "Desa Simpang Teritip", "Desa Parittiga", "Desa Sungai Daeng")),
    "19.02": (10, ("Kel. Tanjung Pendam", "Kel. Pangkal Lalang", "Desa Air Saga",
                   "Desa Paal Satu", "Desa Membalong", "Desa Badau", "Desa Sijuk",
                   "Desa Selat Nasik")),
    "19.06": (6, ("Kel. Manggar", "Desa Gantung", "Desa Kelapa Kampit", "Desa Dendang",
                  "Desa Simpang Pesak", "Desa Damar", "Desa Simpang Renggiang")),
}
_JALAN = (
    "Jl. Jenderal Sudirman", "Jl. Soekarno-Hatta", "Jl. Depati Amir", "Jl. Ahmad Yani",
    "Jl. Masjid Jamik", "Jl. Kampung Bintang", "Jl. Solihin GP", "Jl. Pahlawan 12",
    "Jl. Sungai Selan", "Jl. Raya Mentok", "Jl. Raya Koba", "Jl. Pramuka", "Jl. Kenanga",
    "Jl. Melati", "Jl. Anggrek", "Jl. Air Mawar", "Jl. Bukit Merapin", "Jl. Kejaksaan",
)
_POLISI = ("Polda Kep. Babel", "Polresta Pangkalpinang", "Polres Bangka",
           "Polres Bangka Tengah", "Polres Bangka Selatan", "Polres Bangka Barat",
           "Polres Belitung", "Polres Belitung Timur")
_HP = ("811", "812", "813", "821", "822", "823", "852", "853", "814", "815", "816", "855",
       "856", "857", "858", "817", "818", "819", "859", "877", "878", "831", "838", "895",
       "896", "897", "898", "899", "881", "882")

_HUB_ANAK = {  # hubungan_pelaku → weight, for a korban under 18
    "ayah_kandung": 10, "ayah_tiri": 10, "paman_bibi": 8, "kakek_nenek": 4,
    "saudara_kandung": 3, "sepupu": 3, "keluarga_lain": 3, "tetangga": 14, "pacar": 12,
    "teman": 10, "guru": 5, "ibu_kandung": 4, "ibu_tiri": 2, "lainnya": 6,
    "tidak_diketahui": 4,
}
_HUB_DEWASA = {
    "suami": 45, "mantan_pacar": 6, "pacar": 8, "rekan_kerja": 4, "majikan": 4,
    "tetangga": 8, "teman": 5, "keluarga_lain": 4, "ayah_tiri": 2, "saudara_kandung": 2,
    "lainnya": 7, "tidak_diketahui": 5,
}
_HUB_PEREMPUAN = {"ibu_kandung", "ibu_tiri", "istri"}
_HUB_KELUARGA = {"ayah_kandung", "ayah_tiri", "ibu_kandung", "ibu_tiri", "kakek_nenek",
                 "saudara_kandung", "paman_bibi", "sepupu", "keluarga_lain", "suami",
                 "istri", "orang_tua_angkat"}
_HUB_LABEL = {
    "ayah_kandung": "ayah kandungnya", "ayah_tiri": "ayah tirinya", "ibu_kandung": "ibu kandungnya",
    "ibu_tiri": "ibu tirinya", "paman_bibi": "pamannya", "kakek_nenek": "kakeknya",
    "saudara_kandung": "kakaknya", "sepupu": "sepupunya", "keluarga_lain": "kerabatnya",
    "tetangga": "tetangganya", "pacar": "pacarnya", "mantan_pacar": "mantan pacarnya",
    "teman": "temannya", "guru": "gurunya", "suami": "suaminya", "majikan": "majikannya",
    "rekan_kerja": "rekan kerjanya", "lainnya": "seorang kenalan",
    "tidak_diketahui": "orang tak dikenal",
}
_UMUR_PELAKU = {  # (offset from korban's age or absolute, low, high)
    "ayah_kandung": ("rel", 22, 40), "ayah_tiri": ("rel", 18, 40), "ibu_kandung": ("rel", 18, 38),
    "ibu_tiri": ("rel", 18, 35), "kakek_nenek": ("abs", 55, 78), "paman_bibi": ("abs", 22, 58),
    "saudara_kandung": ("rel", 2, 12), "sepupu": ("rel", -2, 10), "keluarga_lain": ("abs", 18, 65),
    "suami": ("rel", 0, 15), "pacar": ("rel", 0, 8), "mantan_pacar": ("rel", 0, 10),
    "teman": ("rel", -1, 3), "guru": ("abs", 24, 58), "majikan": ("abs", 28, 62),
    "rekan_kerja": ("abs", 20, 50), "tetangga": ("abs", 17, 70), "lainnya": ("abs", 17, 60),
}


# ---- after intake: who does what, with whom --------------------------------------

_KEPALA = ("Kepala UPTD PPA",)  # signs the disposisi (by office, not a person's name)
_KASI_RUJUKAN = ("Ridwan Hakim", "Meiliana Halim")  # Kasi Tindakan dan Rujukan
_PENDAMPING = ("Fitri Handayani", "Dewi Anggraini", "Yulianti", "Hendra Saputra",
               "Nurul Aisyah", "Rahmat Hidayat")
_MEDIATOR = ("Ridwan Hakim", "Rina Marlina", "Meiliana Halim")

# layanan (referensi `layanan`) → its providers in the province: (name, address)
_PENYEDIA: dict[str, tuple[tuple[str, str], ...]] = {
    "kesehatan": (
        ("RSUD Depati Hamzah", "Jl. Soekarno-Hatta, Bukit Besar, Pangkalpinang"),
        ("RS Bhayangkara Polda Kep. Babel", "Jl. Pulau Bangka, Air Itam, Pangkalpinang"),
        ("RSUD Depati Bahrin", "Jl. Depati Bahrin, Sungailiat"),
        ("RSUD dr. H. Marsidi Judono", "Jl. Jenderal Sudirman, Tanjung Pandan"),
        ("Puskesmas Taman Sari", "Jl. Masjid Jamik, Pangkalpinang"),
    ),
    "bantuan_hukum": (
        ("LBH Bangka Belitung", "Jl. Ahmad Yani No. 17, Pangkalpinang"),
        ("Posbakum Pengadilan Negeri Pangkalpinang", "Jl. Pulau Bangka, Pangkalpinang"),
    ),
    "penegakan_hukum": (
        ("Unit PPA Polda Kep. Babel", "Jl. Pulau Bangka, Air Itam, Pangkalpinang"),
        ("Unit PPA Polresta Pangkalpinang", "Jl. Jenderal Sudirman, Pangkalpinang"),
        ("Unit PPA Polres Bangka", "Jl. Ahmad Yani, Sungailiat"),
    ),
    "rehabilitasi_sosial": (
        ("Dinas Sosial Provinsi Kep. Bangka Belitung", "Kompleks Perkantoran Gubernur, Air Itam"),
        ("Psikolog Klinis Mitra UPTD PPA", "Jl. Kenanga No. 8, Pangkalpinang"),
    ),
    "reintegrasi_sosial": (
        ("Dinas Sosial Kota Pangkalpinang", "Jl. Rasakunda, Pangkalpinang"),
        ("Dinas Sosial Kabupaten Bangka", "Jl. Ahmad Yani, Sungailiat"),
    ),
    "pemulangan": (
        ("Dinas Sosial Provinsi Kep. Bangka Belitung", "Kompleks Perkantoran Gubernur, Air Itam"),
    ),
    "pendampingan_tokoh_agama": (
        ("Kantor Kementerian Agama Kota Pangkalpinang", "Jl. Kampung Bintang, Pangkalpinang"),
        ("Majelis Ulama Indonesia Provinsi Kep. Babel", "Jl. Masjid Jamik, Pangkalpinang"),
    ),
}
# how long the officer expects a service's coordination (SOP 18 step 4) to take, in days
_HARI_P4: dict[str, tuple[int, int]] = {
    "kesehatan": (5, 21), "bantuan_hukum": (30, 90), "penegakan_hukum": (30, 120),
    "rehabilitasi_sosial": (14, 60), "reintegrasi_sosial": (14, 45), "pemulangan": (3, 14),
    "pendampingan_tokoh_agama": (7, 30),
}
_HASIL_LAYANAN: dict[str, tuple[str, ...]] = {
    "kesehatan": ("Visum et repertum selesai; hasil diserahkan kepada penyidik.",
                  "Korban selesai menjalani perawatan luka; kontrol ulang tidak diperlukan.",
                  "Pemeriksaan kesehatan lengkap; korban dirujuk kontrol ke puskesmas."),
    "bantuan_hukum": ("Korban didampingi penasihat hukum sampai berkas dinyatakan lengkap.",
                      "Gugatan cerai dan hak asuh anak didaftarkan dengan pendampingan LBH."),
    "penegakan_hukum": ("Laporan polisi diterima; pelaku ditetapkan sebagai tersangka.",
                        "Perkara dilimpahkan ke kejaksaan (P21)."),
    "rehabilitasi_sosial": ("Korban menyelesaikan enam sesi konseling; kecemasan berkurang.",
                            "Pemulihan psikososial selesai; korban kembali bersekolah."),
    "reintegrasi_sosial": ("Korban diterima kembali oleh keluarga besar dan lingkungannya.",),
    "pemulangan": ("Korban dipulangkan ke daerah asal dan diterima keluarganya.",),
    "pendampingan_tokoh_agama": ("Pendampingan rohani selesai; keluarga menerima korban.",),
}
_ALASAN_PERPANJANGAN = (
    "Keluarga belum siap menerima korban kembali; menunggu asesmen lanjutan.",
    "Pelaku belum ditahan; korban belum aman untuk pulang.",
    "Menunggu jadwal pemulangan ke daerah asal.",
)
_ALASAN_BUKA = (
    "Korban datang lagi: pelaku kembali mengancam.",
    "Keluarga korban kembali dapat dihubungi dan meminta pendampingan dilanjutkan.",
    "Ada laporan baru dari pendamping kab/kota; penanganan perlu dilanjutkan.",
)
