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
      {"North Atlantic Cooperation Council", "^NACC"},
      {"OSCE",
       "^OSCE|Organization for Security and Co-operation in Europe|Organization for Security and "
       "Cooperation in Europe|ОБСЕ"},
      {"OSCE Minsk Group", "Minsk Group"},
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
      {"Economic Cooperation Organization", "^ECO|Economic Cooperation Organisation"},
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
      {"Inter-Services Public Relations", "^ISPR"},
      {"Inter-Services Intelligence", "^ISI"},
      {"Pakistan International Airlines", "^PIA"},
      {"Azerbaijan Airlines", "^AZAL"},
      {"Turkish Airlines", ""},
      {"MEMRI", "^MEMRI|Middle East Media Research Institute"},
      {"Partnership for Peace", ""},
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
      {"Trend News Agency", "Trend News"},
      {"Taliban", ""},
      {"Hamas", ""},
      {"Hezbollah", ""},
      {"Islamic State", "^ISIS|^ISIL"},
      {"al-Qaeda", "Al Qaeda|al Qaeda|Al-Qaeda"},
      {"Pakistan Army", "Pakistani Army"},
      {"Pakistan Air Force", "^PAF|Pakistani Air Force"},
      {"Pakistan Navy", ""},
      {"Turkish Air Force", ""},
      {"Turkish Armed Forces", ""},
  };
  return kOrgs;
}

std::span<const Named> regions() {
  static const Named kRegions[] = {
      {"Nagorno-Karabakh",
       "Karabakh|Karabagh|Nagorno Karabakh|Nagorny Karabakh|Nagorno-Karabagh|Artsakh|Republic of "
       "Artsakh|Нагорный Карабах|Карабах|Арцах|قره باغ|ناغورنو كاراباخ|Dağlıq "
       "Qarabağ|Qarabağ|Karabağ|Dağlık Karabağ|Լեռնային Ղարաբաղ|Արցախ"},
      {"Kashmir", "Jammu and Kashmir|Jammu & Kashmir|Кашмир|كشمير|کشمیر|Keşmir"},
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
      {"Europe", "Europa|Европа|أوروبا"},
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
      {"Nakhchivan", "Nakhichevan|Нахичевань"},
      {"Zangezur", "Syunik"},
      {"Shusha", "Shushi|Şuşa|Шуша"},
      {"Khojaly", "Khojali|Xocalı|Ходжалы"},
      {"Agdam", "Aghdam|Ağdam|Агдам"},
      {"Kalbajar", "Kelbajar|Kelbadjar|Kəlbəcər|Кельбаджар"},
      {"Lachin", "Laçın|Лачин"},
      {"Stepanakert", "Khankendi|Xankəndi|Степанакерт"},
      {"Fuzuli", "Füzuli"},
      {"Jabrayil", "Jabrail|Cəbrayıl"},
      {"Arabian Sea", ""},
      {"Black Sea", "Чёрное море"},
      {"Caspian Sea", "Каспийское море"},
      {"Mediterranean Sea", "Mediterranean|Eastern Mediterranean|Eastern Mediterranean Sea"},
      {"Aegean Sea", ""},
      {"South China Sea", ""},
      {"Red Sea", ""},
      {"Baltic Sea", ""},
      {"Soviet Union", "^USSR|^U.S.S.R.|Советский Союз|СССР"},
      {"Silicon Valley", ""},
  };
  return kRegions;
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
      {"AZ", "Azerbaijani|Azeri|Azerbaijanian"},
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
      {"PK", "Pakistani|Pakisati"},
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
      {"US", "United States|^US|^U.S.|^U.S.A.|^USA|United States of America"},
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
         "congressman|congresswoman|chancellor|premier|sultan|vice-president";
}

std::string_view role_nouns() {
  // Lower-case words that, right before a capitalised name, say it is a person's.
  return "president|minister|general|ambassador|spokesman|spokeswoman|spokesperson|envoy|senator|"
         "governor|mayor|speaker|chairman|chief|secretary|director|journalist|vlogger|blogger|"
         "reporter|correspondent|analyst|host|anchor|editor|columnist|writer|author|professor|"
         "counterpart|leader|commander|colonel|admiral|marshal|captain|lieutenant|officer|"
         "by|president-elect|premier|chancellor|attaché|attache|diplomat|activist|lawyer|"
         "philanthropist|tycoon|businessman|poet|scholar|actor|singer|player|coach|intern|student|"
         "prosecutor|judge|deputy|adviser|advisor|aide|founder|co-founder|cleric|imam|sheikh";
}

std::string_view speech_verbs() {
  return "said|says|told|tells|stated|states|noted|notes|added|adds|asked|asks|wrote|writes|"
         "tweeted|tweets|explained|explains|announced|announces|declared|declares|stressed|"
         "stresses|claimed|claims|argued|argues|insisted|insists|warned|warns|emphasized|"
         "emphasised|urged|urges|replied|replies|responded|responds|confirmed|confirms|denied|"
         "denies|recalled|recalls|thanked|thanks|met|meets|visited|visits|expressed|expresses";
}

std::string_view name_particles() {
  return "bin|ibn|bint|al|el|ul|ud|uddin|de|da|van|von|der|den|la|le|di|du|dos|das|abu|ben";
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
         "institute|laboratory|hospital|clinic|exchange|industries|holdings|group";
}

std::string_view common_words() {
  // Capitalised words that are not names: sentence starters, months, weekdays, headline words.
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
         "january|february|march|april|may|june|july|august|september|october|november|december|"
         "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|"
         "friday|saturday|sunday|viewers|friends|brothers|sisters|ladies|gentlemen|dear|"
         "share|print|follow|leave|written|reviewed|posted|updated|published|read|click|"
         "source|sources|photo|video|image|report|reports|news|breaking|live|update|analysis|"
         "opinion|editorial|comment|comments|frequently|asked|questions|characteristics|values|"
         "related|see|note|notes|chapter|section|table|figure|page|part|episode|date|total|"
         "export|import|day|week|month|year|years|war|conflict|crisis|summit|deal|agreement|"
         "treaty|declaration|resolution|memorandum|understanding|accord|protocol|charter|"
         "act|law|bill|plan|program|programme|project|initiative|strategy|doctrine|policy|"
         "operation|exercise|exercises|campaign|mission|corridor|road|street|avenue|square|"
         "canyon|river|lake|mountain|mountains|valley|bay|sea|ocean|island|islands|desert|"
         "mosque|church|cathedral|temple|cemetery|bridge|airport|station|port|palace|hall|tower|"
         "thunder|super|mushshak|economic|political|military|strategic|islamic|muslim|christian|"
         "jewish|hindu|arab|western|eastern|northern|southern|central|international|national|"
         "global|regional|federal|republic|kingdom|state|states|government|governments|people|"
         "nation|nations|country|countries|city|cities|region|province|district|village|town|"
         "capital|border|territory|territories|world|internet|covid|coronavirus|pandemic|"
         "twitter|youtube|facebook|instagram|telegram|whatsapp|google|email|e-mail|web|website|"
         "brotherly|relations|cooperation|partnership|development|diplomatic|bilateral|trilateral|"
         "political|support|security|defense|defence|peace|victory|liberation|independence|"
         "genocide|massacre|occupation|aggression|freedom|justice|truth|history|culture|"
         "mr|mrs|ms|dr|sir|madam|lord|god|allah|jihad|mujahideen|martyr|martyrs|islamophobia|"
         "catholic|orthodox|sunni|shia|shiite|buddhist|english|urdu|arabic|persian|hindi|"
         "french|german|spanish|latin|greek|chinese|japanese|korean|turkic|pan-turkic|soviet|"
         "post-soviet|communist|socialist|democrat|democrats|republican|republicans|liberal|"
         "conservative|roznama|daily|weekly|monthly|magazine|newspaper|channel|tv|bachelor|"
         "master|doctor|phd|degree|senior|junior|co-founder|founder|intern|member|members|"
         "director|chairman|chief|head|leader|leaders|speaker|staff|army|navy|air|force|"
         "forces|armed|naval|general|deputy|minister|president|prime|ambassador|commander|"
         "authorities|officials|official|spokesman|spokeswoman|sciences|science|student|students";
}

std::string_view given_names() {
  // Common given names across the languages we index (South Asian, Turkic, Arabic, Persian,
  // Slavic, Armenian, Western). A capitalised pair starting with one is a person's name.
  return "aaron|abbas|abdul|abdullah|abdulla|abdurrahman|abid|abu|adam|adel|adil|adnan|afzal|agha|"
         "ahmad|ahmed|ahmet|aisha|ajay|akbar|akhtar|akram|alan|alex|alexander|alexei|alexey|ali|"
         "alia|alice|alim|altaf|amal|amanda|amin|amina|amir|amit|amjad|amna|anand|anar|andrei|"
         "andrew|andrey|angela|anil|anjali|ann|anna|anne|anton|anwar|arif|arman|armen|arsalan|"
         "arshad|arslan|arthur|arun|asad|asghar|ashok|ashraf|asif|aslam|assad|atif|ayaz|ayesha|"
         "aziz|azam|babar|bakhtiyar|barack|benazir|benjamin|bilal|bill|boris|brian|charles|"
         "chris|christopher|daniel|david|dmitry|dmitri|donald|ebrahim|elchin|elena|elmar|elnur|"
         "elshad|emily|emin|emmanuel|emma|erdogan|ergun|faisal|farah|farhan|farid|farooq|farrukh|"
         "fatima|fawad|fazal|fuad|george|ghulam|gohar|gordon|gulnara|hafeez|hafiz|haji|hakan|"
         "hamid|hamza|hassan|hasan|heydar|hikmet|hina|hussain|hussein|ibrahim|iftikhar|ijaz|"
         "ilham|ilyas|imran|inam|iqbal|irfan|isa|ismail|ivan|jack|jake|james|jamal|jane|javed|"
         "javid|jawad|jeyhun|jennifer|jinnah|joe|john|jonathan|joseph|kamal|kamran|karim|kashif|"
         "kemal|khalid|khurram|khurshid|leyla|liaquat|mahmood|mahmud|majid|malik|mammad|maria|"
         "mariam|marina|mark|maryam|masood|masud|mehdi|mehman|mehmet|mehmood|mevlut|michael|"
         "mikhail|mirza|mohammad|mohammed|moin|muhammad|mujahid|mukhtar|murad|musa|mushahid|"
         "mustafa|nadeem|nadia|naeem|najib|narendra|nasir|nasser|natalia|nauman|nawaz|nazrin|"
         "nevaz|nikol|nikolai|nizami|noor|novruz|nur|omar|omer|orkhan|osman|paul|pervez|peter|"
         "qamar|qasim|rafiq|rahim|rahul|raja|ramiz|rashid|rauf|raza|recep|rehman|richard|rick|"
         "robert|rusif|rustam|sadiq|sahib|sahibe|saeed|saima|sajid|salman|sameer|samir|sana|"
         "sara|sarah|sardar|sergei|sergey|serzh|shafiq|shah|shahbaz|shahid|shaukat|shehbaz|"
         "sheikh|sherry|shireen|shoaib|subhan|suleiman|syed|tahir|talat|tariq|tayyip|thomas|"
         "tufail|umar|umer|usman|vagif|vladimir|waqar|waseem|wasim|william|yasin|yusuf|zafar|"
         "zahid|zaheer|zahra|zainab|zakir|zaman|zarina|zeynalabdin|ziya|zulfikar|zulfiqar|"
         "arif|asim|hamad|haroon|hina|jamil|junaid|kaiser|mahathir|mehriban|nikolay|"
         "olga|rishi|sebastian|tatiana|ursula|viktor|yuri|zelensky|volodymyr|emmanuel|xi|"
         "jeremy|keir|boris|theresa|angela|olaf|justin|joe|kamala|antony|jake|lloyd|hillary";
}

}  // namespace newsdex::gazetteer_data
