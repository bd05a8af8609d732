// Fact tables for the gazetteer: organisations, regions, demonyms, English country names, and the
// word lists of the name heuristics. Facts only; aliases are the spellings newsrooms meet.
#include "gazetteer.hpp"

namespace newsdex::gazetteer_data {

std::span<const Named> organisations() {
  static const Named kOrgs[] = {
      {"United Nations", "^UN|^U.N.|United Nations Organization|ООН|الأمم المتحدة|اقوام متحدہ"},
      {"UN Security Council",
       "United Nations Security Council|^UNSC|Security Council|U.N. Security Council|Совет "
       "Безопасности ООН|مجلس الأمن"},
      {"UN General Assembly", "United Nations General Assembly|^UNGA|General Assembly"},
      {"UN Human Rights Council",
       "United Nations Human Rights Council|^UNHRC|Human Rights Council"},
      {"UNESCO", "^UNESCO"},
      {"UNICEF", "^UNICEF"},
      {"UNHCR", "^UNHCR|UN Refugee Agency"},
      {"NATO", "^NATO|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|НАТО"},
      {"OSCE",
       "^OSCE|Organization for Security and Co-operation in Europe|Organization for Security and "
       "Cooperation in Europe|ОБСЕ"},
      {"European Union", "^EU|^E.U.|Евросоюз|Европейский союз"},
      {"European Commission", ""},
      {"European Parliament", ""},
      {"Council of Europe", ""},
      {"International Monetary Fund", "^IMF|МВФ"},
      {"World Bank", ""},
      {"World Health Organization", "^WHO|World Health Organisation|ВОЗ"},
      {"World Trade Organization", "^WTO|World Trade Organisation"},
      {"Organisation of Islamic Cooperation",
       "^OIC|Organization of Islamic Cooperation|Organization of the Islamic "
       "Conference|Organisation of the Islamic Conference"},
      {"Shanghai Cooperation Organisation", "^SCO|Shanghai Cooperation Organization|ШОС"},
      {"ASEAN", "^ASEAN|Association of Southeast Asian Nations"},
      {"African Union", "^AU"},
      {"Arab League", "League of Arab States"},
      {"Gulf Cooperation Council", "^GCC"},
      {"Commonwealth of Independent States", "^CIS|СНГ"},
      {"Collective Security Treaty Organization", "^CSTO|ОДКБ"},
      {"BRICS", "^BRICS"},
      {"G7", "^G7"},
      {"G20", "^G20"},
      {"OPEC", "^OPEC"},
      {"International Atomic Energy Agency", "^IAEA|МАГАТЭ"},
      {"International Criminal Court", "^ICC"},
      {"International Court of Justice", "^ICJ"},
      {"International Committee of the Red Cross", "^ICRC|Red Cross"},
      {"Amnesty International", ""},
      {"Human Rights Watch", "^HRW"},
      {"Interpol", ""},
      {"Financial Action Task Force", "^FATF"},
      {"Asian Development Bank", "^ADB"},
      {"European Bank for Reconstruction and Development", "^EBRD"},
      {"CIA", "^CIA|Central Intelligence Agency"},
      {"FBI", "^FBI|Federal Bureau of Investigation"},
      {"Pentagon", ""},
      {"Kremlin", ""},
      {"General Motors", ""},
      {"General Electric", ""},
      {"Ford Motor Company", "Ford Motor"},
      {"Reuters", ""},
      {"Associated Press", ""},
      {"Agence France-Presse", "^AFP"},
      {"BBC", "^BBC"},
      {"CNN", "^CNN"},
      {"Al Jazeera", ""},
      {"TASS", "^TASS"},
      {"Xinhua", ""},
      {"Congress", "U.S. Congress|United States Congress"},
      {"Senate", "U.S. Senate|United States Senate"},
      {"House of Representatives", "U.S. House of Representatives"},
      {"White House", ""},
      {"Supreme Court", "U.S. Supreme Court|United States Supreme Court"},
      {"State Department", "Department of State|U.S. State Department"},
      {"Justice Department", "Department of Justice"},
      {"Library of Congress", ""},
      {"Peace Corps", ""},
      {"Marine Corps", "U.S. Marine Corps"},
      {"Air Force", "U.S. Air Force|^USAF"},
      {"Army", "U.S. Army"},
      {"Navy", "U.S. Navy"},
      {"Democratic Party", "Democratic party"},
      {"Republican Party", "Republican party|^GOP"},
      {"Communist Party", "Communist party"},
      {"Labour Party", "Labour party"},
      {"Conservative Party", "Conservative party"},
      {"AFL-CIO", "^AFL-CIO"},
      {"Teamsters", "Teamsters Union|International Brotherhood of Teamsters"},
      {"Organization of American States", "^OAS"},
      {"SEATO", "^SEATO|Southeast Asia Treaty Organization"},
      {"Warsaw Pact", ""},
      {"Politburo", ""},
      {"Common Market", "European Economic Community|^EEC"},
      {"Viet Cong", "Vietcong"},
      {"NBC", "^NBC"},
      {"CBS", "^CBS"},
      {"IBM", "^IBM"},
      {"RCA", "^RCA|RCA Victor"},
      {"MGM", "^MGM|Metro-Goldwyn-Mayer"},
      {"Lockheed", ""},
      {"New York Times", ""},
      {"Washington Post", ""},
      {"Harvard University", "Harvard"},
      {"Yale University", "Yale"},
      {"Princeton University", "Princeton"},
      {"Metropolitan Opera", ""},
      {"New York Philharmonic", ""},
      {"Taliban", ""},
      {"Hamas", ""},
      {"Hezbollah", ""},
      {"Islamic State", "^ISIS|^ISIL"},
      {"al-Qaeda", "Al Qaeda|al Qaeda|Al-Qaeda"},
  };
  return kOrgs;
}

std::span<const Named> regions() {
  static const Named kRegions[] = {
      {"Caucasus", "Кавказ|Kafkasya|القوقاز"},
      {"South Caucasus", "Transcaucasia|Южный Кавказ"},
      {"North Caucasus", "Северный Кавказ"},
      {"Middle East", "Ближний Восток|الشرق الأوسط|Orta Doğu"},
      {"Central Asia", "Средняя Азия|Центральная Азия"},
      {"South Asia", ""},
      {"Southeast Asia", ""},
      {"East Asia", ""},
      {"Eastern Europe", "Восточная Европа"},
      {"Western Europe", ""},
      {"Europe", "Европа|أوروبا"},
      {"Asia", "Азия"},
      {"Africa", "Африка"},
      {"Latin America", ""},
      {"Balkans", ""},
      {"Scandinavia", ""},
      {"Sahel", ""},
      {"Horn of Africa", ""},
      {"Persian Gulf", "Gulf region"},
      {"Gaza Strip", "Gaza|Сектор Газа|غزة"},
      {"West Bank", ""},
      {"Crimea", "Крым"},
      {"Donbas", "Donbass|Донбасс"},
      {"Kurdistan", ""},
      {"Punjab", ""},
      {"Balochistan", "Baluchistan"},
      {"Sindh", ""},
      {"Khyber Pakhtunkhwa", ""},
      {"Gilgit-Baltistan", ""},
      {"Xinjiang", ""},
      {"Tibet", ""},
      {"Chechnya", "Чечня"},
      {"Dagestan", "Дагестан"},
      {"Siberia", "Сибирь"},
      {"Arabian Sea", ""},
      {"Black Sea", "Чёрное море"},
      {"Caspian Sea", "Каспийское море"},
      {"Mediterranean Sea", "Mediterranean|Eastern Mediterranean|Eastern Mediterranean Sea"},
      {"Aegean Sea", ""},
      {"South China Sea", ""},
      {"Red Sea", ""},
      {"Baltic Sea", ""},
      {"Soviet Union", "^USSR|^U.S.S.R.|Советский Союз|СССР"},
      // Oceans, continents and world regions news names without a country.
      {"Atlantic Ocean", "Atlantic"},
      {"Pacific Ocean", "Pacific"},
      {"Indian Ocean", ""},
      {"Arctic", "Arctic Ocean"},
      {"Caribbean", "Caribbean Sea"},
      {"North America", ""},
      {"South America", ""},
      {"Central America", ""},
      {"Antarctica", ""},
      {"Far East", ""},
      {"Western Hemisphere", ""},
      {"West Indies", ""},
      {"British Isles", ""},
      {"Baltic States", ""},
      {"Indochina", ""},
      {"Korea", ""},
      // States of the past an archive still names.
      {"Yugoslavia", ""},
      {"Czechoslovakia", ""},
      {"East Germany", ""},
      {"West Germany", ""},
      {"Rhodesia", ""},
      {"Ceylon", ""},
      {"Persia", ""},
      // Rivers and mountains.
      {"Nile", "Nile River"},
      {"Danube", ""},
      {"Rhine", ""},
      {"Mississippi River", ""},
      {"Yangtze", "Yangtze River"},
      {"Mekong", "Mekong River"},
      {"Alps", ""},
      {"Himalayas", ""},
      {"Andes", ""},
      {"Sahara", ""},
      {"Mount Everest", "Everest"},
  };
  return kRegions;
}

std::span<const Named> admin_divisions() {
  // US states with their AP-style abbreviations (Associated Press Stylebook) and postal codes with
  // dots, which name a state only after a town ("Decatur, Ga."); the District of Columbia; the
  // nations of the United Kingdom; Canada's provinces and territories; Australia's states.
  static const Named kDivisions[] = {
      {"Alabama", "~Ala."},
      {"Alaska", ""},
      {"Arizona", "~Ariz."},
      {"Arkansas", "~Ark."},
      {"California", "~Calif.|~Cal."},
      {"Colorado", "~Colo."},
      {"Connecticut", "~Conn."},
      {"Delaware", "~Del."},
      {"Florida", "~Fla."},
      {"Georgia", "~Ga."},
      {"Hawaii", ""},
      {"Idaho", ""},
      {"Illinois", "~Ill."},
      {"Indiana", "~Ind."},
      {"Iowa", ""},
      {"Kansas", "~Kan.|~Kans."},
      {"Kentucky", "~Ky."},
      {"Louisiana", "~La."},
      {"Maine", "~Me."},
      {"Maryland", "~Md."},
      {"Massachusetts", "~Mass."},
      {"Michigan", "~Mich."},
      {"Minnesota", "~Minn."},
      {"Mississippi", "~Miss."},
      {"Missouri", "~Mo."},
      {"Montana", "~Mont."},
      {"Nebraska", "~Neb.|~Nebr."},
      {"Nevada", "~Nev."},
      {"New Hampshire", "~N.H."},
      {"New Jersey", "~N.J."},
      {"New Mexico", "~N.M.|~N.Mex."},
      {"New York", "~N.Y."},
      {"North Carolina", "~N.C."},
      {"North Dakota", "~N.D.|~N.Dak."},
      {"Ohio", ""},
      {"Oklahoma", "~Okla."},
      {"Oregon", "~Ore.|~Oreg."},
      {"Pennsylvania", "~Pa.|~Penn."},
      {"Rhode Island", "~R.I."},
      {"South Carolina", "~S.C."},
      {"South Dakota", "~S.D.|~S.Dak."},
      {"Tennessee", "~Tenn."},
      {"Texas", "~Tex."},
      {"Utah", ""},
      {"Vermont", "~Vt."},
      {"Virginia", "~Va."},
      {"Washington", "~Wash."},
      {"West Virginia", "~W.Va."},
      {"Wisconsin", "~Wis.|~Wisc."},
      {"Wyoming", "~Wyo."},
      {"District of Columbia", "~D.C."},
      {"Puerto Rico", "~P.R."},
      {"England", ""},
      {"Scotland", ""},
      {"Wales", ""},
      {"Northern Ireland", ""},
      {"Ontario", "~Ont."},
      {"Quebec", "Québec|~Que."},
      {"British Columbia", "~B.C."},
      {"Alberta", "~Alta."},
      {"Manitoba", "~Man."},
      {"Saskatchewan", "~Sask."},
      {"Nova Scotia", "~N.S."},
      {"New Brunswick", "~N.B."},
      {"Newfoundland and Labrador", "Newfoundland"},
      {"Prince Edward Island", "~P.E.I."},
      {"Yukon", ""},
      {"Nunavut", ""},
      {"Northwest Territories", ""},
      {"New South Wales", "~N.S.W."},
      {"Queensland", ""},
      {"Tasmania", ""},
      {"Western Australia", ""},
      {"South Australia", ""},
  };
  return kDivisions;
}

std::span<const Named> demonyms() {
  static const Named kDemonyms[] = {
      {"AF", "Afghan"},
      {"AL", "Albanian"},
      {"DZ", "Algerian"},
      {"AR", "Argentine|Argentinian"},
      {"AM", "Armenian"},
      {"AU", "Australian"},
      {"AT", "Austrian"},
      {"BH", "Bahraini"},
      {"BD", "Bangladeshi"},
      {"BY", "Belarusian"},
      {"BE", "Belgian"},
      {"BR", "Brazilian"},
      {"BG", "Bulgarian"},
      {"CA", "Canadian"},
      {"CL", "Chilean"},
      {"CN", "Chinese"},
      {"CO", "Colombian"},
      {"HR", "Croatian"},
      {"CU", "Cuban"},
      {"CY", "Cypriot"},
      {"CZ", "Czech"},
      {"DO", "Dominican"},
      {"DK", "Danish"},
      {"EG", "Egyptian"},
      {"EE", "Estonian"},
      {"ET", "Ethiopian"},
      {"FI", "Finnish"},
      {"FR", "French"},
      {"GE", "Georgian"},
      {"DE", "German"},
      {"GR", "Greek"},
      {"HU", "Hungarian"},
      {"IN", "Indian"},
      {"ID", "Indonesian"},
      {"IR", "Iranian|Persian"},
      {"IQ", "Iraqi"},
      {"IE", "Irish"},
      {"IL", "Israeli"},
      {"IT", "Italian"},
      {"JP", "Japanese"},
      {"JO", "Jordanian"},
      {"KZ", "Kazakh|Kazakhstani"},
      {"KE", "Kenyan"},
      {"KW", "Kuwaiti"},
      {"KG", "Kyrgyz"},
      {"LV", "Latvian"},
      {"LB", "Lebanese"},
      {"LY", "Libyan"},
      {"LT", "Lithuanian"},
      {"MY", "Malaysian"},
      {"MX", "Mexican"},
      {"MD", "Moldovan"},
      {"MN", "Mongolian"},
      {"MA", "Moroccan"},
      {"NL", "Dutch"},
      {"NZ", "New Zealander"},
      {"NG", "Nigerian"},
      {"KP", "North Korean"},
      {"NO", "Norwegian"},
      {"OM", "Omani"},
      {"PK", "Pakistani"},
      {"PS", "Palestinian"},
      {"PH", "Filipino|Philippine"},
      {"PL", "Polish"},
      {"PT", "Portuguese"},
      {"QA", "Qatari"},
      {"RO", "Romanian"},
      {"RU", "Russian"},
      {"SA", "Saudi"},
      {"RS", "Serbian"},
      {"SG", "Singaporean"},
      {"SK", "Slovak"},
      {"SI", "Slovenian"},
      {"SO", "Somali"},
      {"ZA", "South African"},
      {"KR", "South Korean"},
      {"ES", "Spanish"},
      {"LK", "Sri Lankan"},
      {"SD", "Sudanese"},
      {"SE", "Swedish"},
      {"CH", "Swiss"},
      {"SY", "Syrian"},
      {"TW", "Taiwanese"},
      {"TJ", "Tajik"},
      {"TH", "Thai"},
      {"TN", "Tunisian"},
      {"TR", "Turkish"},
      {"TM", "Turkmen"},
      {"UA", "Ukrainian"},
      {"AE", "Emirati"},
      {"GB", "British"},
      {"US", "American"},
      {"UZ", "Uzbek"},
      {"VE", "Venezuelan"},
      {"VN", "Vietnamese"},
      {"YE", "Yemeni"},
  };
  return kDemonyms;
}

std::span<const Named> country_names() {
  // ICU's English names where the news uses another one, plus common short forms.
  static const Named kNames[] = {
      {"US", "United States|^US|^U.S.|^U.S.A.|^USA|United States of America|America"},
      {"GB", "United Kingdom|^UK|^U.K.|Britain|Great Britain"},
      {"TR", "Turkey|Türkiye|Turkiye"},
      {"RU", "Russia|Russian Federation"},
      {"KR", "South Korea|Republic of Korea"},
      {"KP", "North Korea"},
      {"AE", "United Arab Emirates|^UAE"},
      {"CZ", "Czech Republic|Czechia"},
      {"IR", "Iran|Islamic Republic of Iran"},
      {"PK", "Pakistan|Islamic Republic of Pakistan"},
      {"AZ", "Azerbaijan|Republic of Azerbaijan|Azerbaijan Republic"},
      {"AM", "Armenia|Republic of Armenia"},
      {"PS", "Palestine|Palestinian Territories"},
      {"CD", "Democratic Republic of the Congo|^DRC"},
      {"CG", "Republic of the Congo"},
      {"MM", "Myanmar|Burma"},
      {"CI", "Ivory Coast|Côte d’Ivoire"},
      {"SY", "Syria"},
      {"VA", "Vatican City|Vatican"},
      {"HK", "Hong Kong"},
      {"MO", "Macau|Macao"},
  };
  return kNames;
}

std::string_view titles() {
  // Words that, capitalised before a name, say the name is a person's. Modifiers ("Foreign",
  // "Deputy") are not needed: the name starts after the last title word.
  return "president|prime|minister|ministers|general|gen|colonel|col|lieutenant|lt|major|maj|"
         "captain|capt|admiral|marshal|marshall|commander|ambassador|amb|senator|sen|governor|gov|"
         "mayor|speaker|chairman|chairwoman|chairperson|chief|secretary|director|dr|mr|mrs|ms|"
         "miss|drs|messrs|prof|professor|king|queen|prince|princess|sheikh|emir|pope|judge|justice|"
         "deputy|"
         "spokesman|spokeswoman|spokesperson|envoy|attache|attaché|sir|lord|lady|imam|ayatollah|"
         "mullah|president-elect|colonel-general|director-general|lieutenant-general|"
         "major-general|brigadier|sergeant|corporal|inspector|commissioner|councillor|"
         "congressman|congresswoman|chancellor|premier|sultan|vice-president|sheriff|policeman|"
         "patrolman|detective|trooper|sgt|rep|atty|attorney|solicitor|pastor|rev|reverend|rabbi|"
         "superintendent|alderman|councilman|assemblyman|treasurer|magistrate|constable";
}

std::string_view role_nouns() {
  // Lower-case words that, right before a capitalised name, say it is a person's.
  return "president|minister|general|ambassador|spokesman|spokeswoman|spokesperson|envoy|senator|"
         "governor|mayor|speaker|chairman|chief|secretary|director|journalist|blogger|"
         "reporter|correspondent|analyst|host|anchor|editor|columnist|writer|author|professor|"
         "counterpart|leader|commander|colonel|admiral|marshal|captain|lieutenant|officer|"
         "by|president-elect|premier|chancellor|attaché|attache|diplomat|activist|lawyer|"
         "philanthropist|tycoon|businessman|poet|scholar|actor|singer|player|coach|intern|student|"
         "prosecutor|judge|deputy|adviser|advisor|aide|founder|co-founder|cleric|imam|sheikh|"
         // Russian, in the cases that stand right before a name.
         "президент|президента|президентом|министр|министра|министром|премьер-министр|"
         "премьер-министра|заместитель|секретарь|секретаря|профессор|профессора|председатель|"
         "председателя|посол|посла|мэр|мэра|губернатор|губернатора|генерал|генерала|директор|"
         "директора|глава|главы|лидер|лидера|представитель|журналист|корреспондент|депутат|"
         "спикер|руководитель|эксперт|аналитик|начальник|господин|госпожа|г-н|г-жа|"
         // Arabic and Urdu: a name follows the role and its modifiers ("وزیر اعظم", "الرئيس").
         "الرئيس|رئيس|الوزير|وزير|وزيرة|الأمين|العام|السفير|سفير|الشيخ|الملك|الأمير|اللواء|"
         "العقيد|الدكتور|المتحدث|باسم|الخارجية|وزیر|اعظم|وزیراعظم|صدر|جنرل|سیکرٹری|ترجمان|"
         "سفیر|گورنر|چیئرمین|ڈاکٹر|جناب|محترمہ|خارجہ|وزیرخارجہ|آرمی|چیف";
}

std::string_view speech_verbs() {
  return "said|says|told|tells|stated|states|noted|notes|added|adds|asked|asks|wrote|writes|"
         "explained|explains|announced|announces|declared|declares|stressed|"
         "stresses|claimed|claims|argued|argues|insisted|insists|warned|warns|emphasized|"
         "emphasised|urged|urges|replied|replies|responded|responds|confirmed|confirms|denied|"
         "denies|recalled|recalls|thanked|thanks|met|meets|visited|visits|expressed|expresses|"
         // Russian: the verb often comes first ("— сказал Иванов").
         "сказал|сказала|заявил|заявила|отметил|отметила|сообщил|сообщила|пояснил|пояснила|"
         "подчеркнул|подчеркнула|добавил|добавила|напомнил|напомнила|считает|говорит|ответил|"
         "ответила|уточнил|уточнила|возглавил|возглавила";
}

std::string_view arabic_script_function_words() {
  // Particles and postpositions that end a name in Arabic and Urdu text.
  return "نے|کے|کی|کا|کو|سے|میں|پر|اور|نہیں|ہے|ہیں|تھا|تھے|کہ|بھی|في|من|على|إلى|عن|و|أن|إن|"
         "قال|قالت|مع|بعد|قبل|خلال|الذي|التي|كما|لا|ما|هذا|هذه";
}

std::string_view chinese_roles() {
  // Titles and jobs written right before a name in Chinese news.
  return "记者|总统|主席|总理|副总理|部长|外长|大使|秘书长|研究员|教授|经理|董事长|总裁|主任|局长|"
         "发言人|市长|省长|书记|首相|议长|司令|将军|博士|院长|校长|代表|特使|国王|女王|王子";
}

std::string_view chinese_stop_words() {
  // Verbs and particles that end a name ("陈静认为", "古特雷斯此前").
  return "表示|认为|说|指出|介绍|强调|透露|会见|此|前|上|月|在|的|和|与|是|也|曾|将|已|称|对|向|"
         "于|及|等|今天|昨天|周|日|年|他|她|还|就|都|从|到|被|把|时|后";
}

std::string_view chinese_surnames() {
  // The most common Chinese family names, one character each.
  return "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
         "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
         "龚邵万钱严覃武戴莫孔向汤习";
}

std::string_view surname_endings() {
  // Endings of East Slavic, Caucasian and Central Asian surnames in Cyrillic (folded: ё is е):
  // a capitalised Cyrillic word ending so, beside another name word, is a person's name.
  return "ов|ев|ин|ын|ова|ева|ина|ына|ский|ская|цкий|цкая|енко|ук|юк|ян|янц|швили|дзе|вич|ович|"
         "евич|овна|евна|заде|ли|лы";
}

std::string_view calendar_names() {
  return "january|february|march|april|may|june|july|august|september|october|november|december|"
         "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
}

std::string_view month_abbreviations() {
  return "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
}

std::string_view org_words() {
  // Head nouns of organisation names: a capitalised sequence ending in one is an organisation.
  return "ministry|council|committee|office|academy|university|bank|airlines|airline|airways|"
         "organization|organisation|group|center|centre|agency|institute|institution|commission|"
         "assembly|parliament|senate|party|association|foundation|federation|corporation|company|"
         "court|department|directorate|bureau|authority|service|services|chamber|league|front|"
         "movement|fund|society|college|school|police|guard|headquarters|secretariat|cabinet|"
         "board|network|army|navy|force|forces|embassy|consulate|inc|ltd|llc|plc|corp|"
         "union|club|council|tribunal|trust|press|media|times|post|"
         "herald|tribune|gazette|telegraph|journal|news|television|tv|radio|channel|observer|"
         "institute|laboratory|hospital|clinic|exchange|industries|holdings|group|orchestra|"
         "philharmonic|symphony|opera|ballet|choir|chorale|church|gallery|theater|theatre|"
         "playhouse|records|publications|laboratories|aircraft|railway|railroad|pact|corps|"
         "legislature|consort|ensemble|trio|quartet|quintet|co|jury|"
         // Turkish and its close relatives put the head last too (folded: "Üniversitesi" is
         // "universitesi").
         "universitesi|bakanligi|bankasi|dernegi|vakfi|kurumu|sirketi|partisi|meclisi|"
         "baskanligi|universiteti|nazirliyi|banki|sirketi|agentliyi|komitesi|yollari|"
         "sirkati|akademiyasi";
}

std::string_view common_words() {
  // Capitalised words that are not names: sentence starters, headline words (months and weekdays,
  // calendar_names() and month_abbreviations(), join them in the gazetteer).
  return "a|an|the|this|that|these|those|there|here|it|its|he|she|his|her|him|they|them|their|we|"
         "our|us|you|your|i|me|my|mine|one|two|three|four|five|six|seven|eight|nine|ten|first|"
         "second|third|last|next|new|old|and|or|but|nor|so|yet|if|then|than|when|while|where|"
         "why|how|what|which|who|whom|whose|after|before|during|since|until|although|though|"
         "because|as|at|by|for|from|in|into|of|on|onto|over|under|with|without|within|about|"
         "above|across|against|along|among|around|behind|below|beneath|beside|between|beyond|"
         "despite|down|inside|near|off|out|outside|past|through|throughout|to|toward|towards|up|"
         "upon|via|all|any|both|each|either|every|few|many|more|most|much|neither|no|none|not|"
         "only|other|own|same|several|some|such|very|also|just|even|still|already|again|once|"
         "however|moreover|nevertheless|meanwhile|therefore|thus|furthermore|besides|indeed|"
         "instead|otherwise|finally|today|yesterday|tomorrow|now|recently|currently|later|"
         "earlier|according|among|being|having|is|are|was|were|be|been|do|does|did|has|have|"
         "had|will|would|shall|should|can|could|may|might|must|let|please|yes|no|not|"
         "viewers|friends|brothers|sisters|ladies|gentlemen|dear|"
         "share|print|follow|leave|written|reviewed|posted|updated|published|read|click|"
         "source|sources|photo|video|image|report|reports|news|breaking|live|update|analysis|"
         "opinion|editorial|comment|comments|frequently|asked|questions|"
         "related|see|note|notes|chapter|section|table|figure|page|part|episode|date|total|"
         "export|import|day|week|month|year|years|war|conflict|crisis|summit|deal|agreement|"
         "treaty|declaration|resolution|memorandum|understanding|accord|protocol|charter|"
         "act|law|bill|plan|program|programme|project|initiative|strategy|doctrine|policy|"
         "operation|exercise|exercises|campaign|mission|corridor|road|street|avenue|square|"
         "canyon|river|lake|mountain|mountains|valley|bay|sea|ocean|island|islands|desert|"
         "mosque|church|cathedral|temple|cemetery|bridge|airport|station|port|palace|hall|tower|"
         "economic|political|military|strategic|islamic|muslim|christian|"
         "jewish|hindu|arab|western|eastern|northern|southern|central|international|national|"
         "global|regional|federal|republic|kingdom|state|states|government|governments|people|"
         "nation|nations|country|countries|city|cities|region|province|district|village|town|"
         "capital|border|territory|territories|world|internet|pandemic|"
         "twitter|instagram|telegram|whatsapp|google|email|e-mail|web|website|"
         "brotherly|relations|cooperation|partnership|development|diplomatic|bilateral|"
         "political|support|security|defense|defence|peace|victory|liberation|independence|"
         "genocide|massacre|occupation|aggression|freedom|justice|truth|history|culture|"
         "mr|mrs|ms|dr|sir|madam|lord|god|allah|jihad|martyr|martyrs|"
         "catholic|orthodox|sunni|shia|shiite|buddhist|english|urdu|arabic|persian|hindi|"
         "french|german|spanish|latin|greek|chinese|japanese|korean|soviet|"
         "post-soviet|communist|socialist|democrat|democrats|republican|republicans|liberal|"
         "conservative|daily|weekly|monthly|magazine|newspaper|channel|tv|bachelor|"
         "master|doctor|phd|degree|senior|junior|co-founder|founder|intern|member|members|"
         "director|chairman|chief|head|leader|leaders|speaker|staff|army|navy|air|force|"
         "forces|armed|naval|general|deputy|minister|president|prime|ambassador|commander|"
         "authorities|officials|official|spokesman|spokeswoman|sciences|science|student|students|"
         "administration|democratic|negro|negroes|executives|mother|father|mom|dad|mommy|daddy|"
         "grandma|grandpa|grandmother|grandfather|aunt|auntie";
}

std::string_view given_names() {
  // Common given names of the languages newsdex indexes that the English lists of
  // data/given_names.txt lack (Arabic, Urdu, Persian, Turkish, Russian, Hindi). A capitalised pair
  // starting with one is a person's name.
  return "abbas|abdullah|abid|abu|adil|adnan|afzal|ahmet|aisha|akbar|akhtar|akram|alexey|amin|"
         "amina|"
         "amir|amit|amjad|anand|anil|anjali|arif|arshad|arun|asad|asghar|ashok|ashraf|asif|"
         "asim|aslam|atif|ayesha|azam|aziz|dmitry|donald|faisal|farhan|farid|farooq|fatima|"
         "fawad|fazal|ghulam|hafiz|hakan|hamad|hamza|haroon|hasan|hassan|hussain|iftikhar|"
         "ijaz|imran|iqbal|irfan|ismail|jawad|junaid|kamal|kamran|kashif|kemal|khalid|"
         "khurram|"
         "khurshid|majid|maryam|mehdi|mehmet|mikhail|mohammad|murad|musa|mustafa|"
         "nadeem|naeem|najib|nasir|nasser|natalia|nikolay|noor|osman|qasim|rafiq|rahim|rahul|"
         "rashid|"
         "rauf|raza|rehman|saeed|sajid|salman|samir|sana|sergey|shafiq|shahid|shaukat|suleiman|"
         "syed|"
         "tahir|umar|usman|viktor|waqar|waseem|wasim|yasin|yusuf|zafar|zahra|zainab";
}

}  // namespace newsdex::gazetteer_data
