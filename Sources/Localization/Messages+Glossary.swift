// The glossary command's own texts (the terms themselves are Glossary.terms).
extension Messages {
  static let glossary: [Message] = [
    Message("glossary.title", en: "Glossary: Korean and English", ko: "용어집: 한국어와 영어"),
    Message("glossary.korean", en: "Korean", ko: "한국어"),
    Message("glossary.english", en: "English", ko: "영어"),
    Message(
      "glossary.noMatch", en: "no term matches '{term}'; glossary lists them all",
      ko: "'{term}'에 맞는 용어가 없습니다. glossary로 모든 용어를 봅니다"),
    Message(
      "glossary.how", en: "glossary <term> looks one up, in Korean or in English.",
      ko: "glossary <용어>로 한국어나 영어로 용어를 찾습니다."),
  ]
}
