"""The three seed articles' bodies as the importer makes them (seeds/0*.txt through
``parse_document``), copied here so that the anchoring corpus's offsets never move when
the seeds or the importer change. The text is quoted for testing; its copyright stays with
the publishers (seeds/README.md)."""

# 000_04889a4c5d51775a.txt
ARTICLE_000 = (
    "Israel and the US are set to reconvene a joint meeting on Iran next month, mere days after the White House canceled it, according to Axios, citing five officials from both nations.\n\n"
    "The meeting, originally scheduled for last Thursday, was reportedly canceled in response to a video by Prime Minister Benjamin Netanyahu, accusing the Biden administration of withholding military aid amid the Israel-Hamas war.\n\n"
    "Senior Israeli and US officials, as reported by Axios, say that although a date for the new meeting has not been set, it is expected to occur in mid-July, before Netanyahu’s scheduled address to the US Congress on July 24.\n\n"
    "A senior Israeli delegation headed by national security advisor Tzachi Hanegbi and Minister Ron Dermer will travel to Washington for the talks, according to the same report. Talks are likely to focus on concerns in Israel, over advancements in Iran's nuclear program, with fears that they could be tied to potential weaponization efforts.\n\n"
    "The US-Israel strategic consultative group (SCG), the forum for the two countries to discuss the state of the Iranian nuclear program, has not convened since March 2023.\n\n"
    "US and Israeli officials say that the Iranian nuclear program has significantly escalated since then, according to Axios. This month, G7 leaders urged Tehran to cease and reverse its nuclear escalations and stop its enrichment of uranium that they said have no credible justifications, according to a draft communique seen by Reuters.\n\n"
    "Tehran has consistently asserted that its nuclear program is peaceful.\n\n"
    "US-Israel Tensions Amid Fears of All-Out War with Hezbollah\n\n"
    "Jerusalem’s latest tensions with Washington come as there are mounting fears of an all-out Israel-Hezbollah war.\n\n"
    "In parallel with the ongoing war in Gaza, the heavily armed, Iran-backed Hezbollah group has been exchanging fire with Israel for over eight months.\n\n"
    "In recent weeks, intensified shelling on Israel's northern border has led to the evacuation of tens of thousands from both sides of the frontier.\n\n"
    "Defense Secretary Lloyd Austin stated on Tuesday that the US is urgently working towards a diplomatic agreement to allow Israeli and Lebanese civilians to return to their homes on both sides of the border.\n\n"
    "Both Israeli and US officials say they are hoping to resolve the conflict with Hezbollah, preferring a diplomatic solution.\n\n"
    'This week, Netanyahu announced that the "intense phase" of fighting Hamas in Gaza is nearing its end, allowing Israeli forces to shift their focus to confronting Hezbollah along the northern border with Lebanon.'
)

# 001_41630f0f27625ba4.txt
ARTICLE_001 = (
    "Prime Minister Benjamin Netanyahu reestablished multiple working groups that focus on the Iranian nuclear threat two weeks ago, Axios reported Wednesday.\n\n"
    "Three Israeli officials said that the decision was made in light of new intelligence that Iran is seeking to shorten the time it needs to build a nuclear weapon.\n\n"
    "The working groups bring together Foreign Ministry, intelligence, and defense officials under the auspices of the National Security Council.\n\n"
    "According to the officials, Israel is concerned that Iran will seek to take advantage of the transition period following the US presidential elections in November to advance its nuclear program.\n\n"
    "On Tuesday, Axios’ Barak Ravid on reported that Israel and the US have agreed to reconvene a joint meeting on Iran in July that was canceled by the White House last week in the wake of Prime Minister Benjamin Netanyahu’s video in which he expressed astonishment over the Biden administration’s withholding weapons from Israel.\n\n"
    "The US-Israel Strategic Consultative Group (SCG), which was formed in 2009 during the Obama administration, is a key forum for US-Israeli discussions about Iran's nuclear program.\n\n"
    "The working group is headed by the national security advisers from Israel and the US, and includes representatives from national security, foreign policy and intelligence agencies in both countries.\n\n"
    "The forum has not convened since March 2023. Since then, the Iranian nuclear program has significantly escalated, US and Israeli officials say.\n\n"
    "Israel’s National Security Advisor Tzachi Hanegbi and Strategic Affairs Minister Ron Dermer were in Washington last week for a gathering of the forum, but the gathering was canceled by the White House, shortly before it was scheduled to take place, in the wake of Netanyahu’s video.\n\n"
    "Hanegbi and Dermer instead met only with US National Security Adviser Jake Sullivan and Secretary of State Antony Blinken."
)

# 002_410c50c9ff093c32.txt
ARTICLE_002 = (
    "Israel has told the US that defence minister Yoav Gallant will no longer travel to Washington this week, prompting fears the cancellation could jeopardise co-ordination with Israel over its response to Iran's missile attack.\n\n"
    '"We were just informed that minister Gallant will be postponing his trip to Washington, DC," deputy Pentagon press secretary Sabrina Singh said on Tuesday, hours before he was due to fly to the US.\n\n'
    "The visit, which had been scheduled at Gallant's request, was seen as a crucial chance for the US and Israel to discuss Israel's planned retaliation against Iran for its ballistic missile attack last week and its expanding conflict in Lebanon.\n\n"
    "Israeli Prime Minister Benjamin Netanyahu told Gallant to postpone his visit to Washington, said a person familiar with the matter.\n\n"
    "The prime minister did not want Gallant to go until his cabinet votes on the country's response to Iran's ballistic missile strike and Netanyahu speaks with US President Joe Biden on the phone, the person said.\n\n"
    'A call between Netanyahu and Biden has been in the works for "many days" but has not taken place, they added.\n\n'
    "A US official said a call between the two leaders was expected soon.\n\n"
    "Defence secretary Lloyd Austin had been scheduled to host the Israeli defence minister for a bilateral meeting in Washington on Wednesday.\n\n"
    "While the US has backed Israel's right to respond to Iran's missile attack, Washington has sought to place some limits on the retaliation, warning Netanyahu's government against striking Iranian nuclear facilities and indicating it would not be in favour of an attack on the Islamic republic's oil sector.\n\n"
    "US and Israeli officials have been in frequent contact in recent days and officials in Washington say they do not believe Israel has taken any final decision on its response to Iran.\n\n"
    "But the postponement of Gallant's visit is likely to raise concerns about a rift in relations between US and Israel. Although Washington has continued to supply weapons to its ally and helped its defence, Israel has frequently defied US wishes to pursue a diplomatic solution to the conflict in the Middle East that erupted after Hamas's attack on Israel a year ago.\n\n"
    "Singh insisted relations between Austin and Gallant remained strong. \"I don't think there's tension . . . you can have direct conversations with your friends. You're not always going to agree on everything but that doesn't mean that there's tensions,\" she said.\n\n"
    'She added the US would "continue to consult with the Israelis on what their response [to the Iranian strikes] might be", and said the cancellation of Gallant\'s trip would not have any impact on the dialogue between the two countries.\n\n'
    "Another US official said they expected to see Gallant soon and did not view the cancellation of his visit as significant.\n\n"
    'Singh added Austin and Gallant had not spoken on Tuesday but it was "still early, and they\'re in touch pretty frequently, so a call could always be scheduled for later today or later this week".\n\n'
    "The cancellation of Gallant's visit comes as Israel has continued to pummel targets in Lebanon and has expanded its ground offensive in the south of the country in an attempt to weaken Hizbollah, the Iran-backed proxy group.\n\n"
    'Netanyahu on Tuesday released a video message in which he called on the Lebanese population to rise up against Hizbollah, urging them to "save" their country "before it falls into an abyss of destruction and suffering like Gaza".'
)
