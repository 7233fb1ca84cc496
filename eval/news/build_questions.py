"""Source of the news eval questions (written by hand, without looking at any system output).

Each entry: (article prefix, question language, question, gold list or None for unanswerable,
optional conversation list). Running this script writes questions.jsonl and
question_articles.tsv (id -> article file, used by split.py for unanswerables).
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

Q = [
# 001 européennes
("001","en","What share of the vote did Jordan Bardella's list get in the 2024 European elections?",["avec 31,36 % des suffrages exprimés"]),
("001","fr","Combien de listes enverront des élus au Parlement européen ?",["sept listes sur les 38 en lice"]),
("001","es","¿Por cuántos votos superaron los Ecologistas a la lista de Reconquête?",["9090 voix de plus que la liste Reconquête"]),
("001","fr","Qui menait la liste arrivée troisième ?",["Raphaël Glucksmann en troisième position"]),
("001","en","What was the voter turnout in France for the 2024 European elections?",None),
# 002 COP28
("002","fr","Qu'ont décidé les négociateurs de Dubaï au sujet des énergies fossiles ?",["directed the world on Wednesday to transition away"]),
("002","fr","Quel objectif l'accord de la COP28 fixe-t-il pour les renouvelables d'ici 2030 ?",["triple renewables and double energy efficiency by 2030"]),
("002","en","What is the final COP28 text called?",["landmark text named The UAE Consensus"]),
("002","fr","Qui présidait la COP28 ?",["said COP28 President, Dr. Sultan Al Jaber"]),
("002","en","How many countries signed the COP28 agreement in Dubai?",None),
# 003 JO cérémonie
("003","en","How many boats carried the athletes along the Seine at the Paris 2024 opening ceremony?",["pas moins de 94 embarcations"]),
("003","fr","Qui a interprété la Marseillaise pendant la cérémonie d'ouverture ?",["Axelle Saint-Cirel, interprète l’hymne national"]),
("003","es","¿Qué canción de John Lennon sonó en la ceremonia de apertura de París 2024?",["Imagine, la chanson de John Lennon"]),
("003","en","Where did Emmanuel Macron declare the Paris Games open?",["sur l’esplanade du Trocadéro"]),
("003","fr","Combien de délégations ont participé au défilé sur la Seine ?",["des 205 délégations présentes"]),
("003","fr","Combien de spectateurs ont suivi la cérémonie depuis les quais ?",None),
# 004 grève SNCF
("004","en","What proportion of TGV and Intercités trains did SNCF cancel because of the controllers' strike?",["annuler 60 % de ses TGV et Intercités"]),
("004","fr","Que demandent les contrôleurs en grève ?",["une meilleure reconnaissance de leur statut"]),
("004","en","How much did the last available train ticket cost for the traveller in Annecy?",["une place au prix de 169 euros"]),
("004","de","Wie viele TGV fahren während des Streiks im Südosten?",["seul 1 TGV sur 3 circule"]),
("004","en","How much money will the controllers' strike cost the SNCF?",None),
# 005 séisme Maroc
("005","en","What was the magnitude of the earthquake in Morocco?",["d’une magnitude de 7 degrés sur l’échelle de Richter"]),
("005","fr","Combien de blessés le séisme au Maroc a-t-il fait ?",["329 personnes ont été blessées, dont 51 dans un état grave"]),
("005","fr","Et où se trouvait l'épicentre ?",["son épicentre se situait dans la province d’Al Haouz"],["Combien de blessés le séisme au Maroc a-t-il fait ?"]),
("005","en","Which earlier earthquake wiped out much of Agadir?",["En 1960, un séisme pourtant moins puissant"]),
("005","es","¿Qué se derrumbó en la plaza Jamaa el-Fna?",["une partie d’un minaret qui s’est effondrée"]),
("005","fr","Quels pays ont envoyé des équipes de secours au Maroc après le séisme ?",None),
# 006 BCE
("006","en","Where was Christine Lagarde speaking when she said it was too early to declare victory over inflation?",["lors d’une conférence à Berlin"]),
("006","en","What was euro area inflation in October 2023?",["à 2,9% en octobre"]),
("006","fr","Combien de hausses de taux d'affilée la BCE a-t-elle faites avant sa pause ?",["après dix hausses consécutives"]),
("006","fr","À quel niveau se situe le taux de dépôt de la BCE ?",["le principal d’entre eux sur les dépôts campe désormais à 4%"]),
("006","en","What was Germany's inflation rate in October 2023?",None),
# 007 Notre-Dame
("007","en","On what date is Notre-Dame cathedral due to reopen?",["rouvrira ses portes le 7 décembre 2024"]),
("007","fr","Combien d'entreprises ont travaillé sur le chantier de Notre-Dame ?",["qui ont mobilisé 250 entreprises"]),
("007","en","Whose design was followed to rebuild the spire?",["selon les plans d'Eugène Viollet-le-Duc"]),
("007","es","¿Cuántas personas visitaban Notre-Dame en 2017?",["qui accueillait 12 millions de personnes en 2017"]),
("007","en","How much did the restoration of Notre-Dame cost in total?",None),
# 008 Cannes
("008","en","Who chaired the jury at Cannes in 2023?",["présidé par le réalisateur suédois Ruben Östlund"]),
("008","en","Which women directors won the Palme d'Or before Justine Triet?",["après Jane Campion pour La Leçon de Piano (1993)"]),
("008","fr","Quel distributeur a acheté Anatomie d'une chute pour l'Amérique du Nord ?",["Neon a acquis les droits de distribution"]),
("008","de","Was prangerte Justine Triet bei der Preisverleihung an?",["la marchandisation de la culture"]),
("008","fr","Quel fut le premier long-métrage de Justine Triet ?",["premier long-métrage La Bataille de Solférino"]),
("008","fr","À quelle date Anatomie d'une chute sort-il en salles ?",None),
# 009 rugby
("009","en","What was the score when South Africa knocked France out?",["l'opposant à l'Afrique du Sud (28-29)"]),
("009","en","Which team eliminated Ireland in the quarter-finals?",["Face aux All Blacks, le XV du Trèfle"]),
("009","fr","Contre qui l'Angleterre s'est-elle qualifiée pour les demies ?",["contre les Fidji (30-24)"]),
("009","es","¿Cuándo se juega la semifinal Argentina - Nueva Zelanda?",["Vendredi 20 octobre à 21 heures : Argentine"]),
("009","en","Who refereed the France v South Africa quarter-final?",None),
# 010 Goncourt
("010","en","Where is the winner of the Goncourt prize announced?",["depuis le restaurant Drouant"]),
("010","en","Which book won the Goncourt the year before?",["succéder à \"Vivre Vite\" de Brigitte Giraud"]),
("010","fr","Combien de romans comptait la première sélection du Goncourt 2023 ?",["Quinze romans figuraient dans la première liste"]),
("010","es","¿Qué edad tiene Neige Sinno?",["Neige Sinno, 46 ans"]),
("010","fr","Combien de tours de vote avait-il fallu en 2022 pour départager les favoris ?",["il avait fallu quatorze tours de scrutin"]),
("010","en","Who won the 2023 Goncourt prize?",None),
# 011 canicule
("011","en","What temperature did Saint-Julien-de-Peyrolas record?",["une température de 41,9°C"]),
("011","fr","Quel est le record absolu de chaleur mesuré en France ?",["une pointe de 44,1°"]),
("011","en","Which departments were put on red heatwave alert?",["le Gard, l'Hérault, le Vaucluse et les Bouches-du-Rhône"]),
("011","fr","Combien de départements restaient en vigilance orange vendredi ?",["La vigilance orange concernera encore 76 départements"]),
("011","fr","Combien de morts la canicule de juin 2019 a-t-elle provoqués ?",None),
# 012 Bank of England
("012","fr","À combien la Banque d'Angleterre a-t-elle porté son taux directeur ?",["increase its base rate to 5.25% from 5%"]),
("012","fr","C'est la combientième hausse d'affilée ?",["the 14th rate increase in a row"]),
("012","fr","Comment les membres du comité de politique monétaire ont-ils voté ?",["Six members of the nine-strong Monetary Policy Committee"]),
("012","es","Según Rachel Reeves, ¿cuánto más paga al mes un hipotecado típico?",["paying an extra £220 a month"]),
("012","en","What do the Positive Money protesters want?",["introduce a windfall tax on bank profits"]),
("012","fr","Quel est le taux de chômage actuel au Royaume-Uni ?",None),
# 013 Canada wildfires
("013","fr","Quelle superficie a brûlé au Canada depuis le début de l'année ?",["76,129 square kilometres of forest"]),
("013","en","In what year was the previous burned-area record set?",["the previous record set in 1989"]),
("013","fr","Combien d'incendies étaient considérés comme hors de contrôle ?",["with 255 of them considered to be out of control"]),
("013","de","Warum blieben in Quebec die Löschflugzeuge am Boden?",["heavy smoke grounded water bombers"]),
("013","fr","Combien de personnes ont dû être évacuées à cause des feux au Canada ?",None),
# 014 Women's World Cup
("014","fr","Qui a marqué le but de la victoire espagnole en finale ?",["skipper Olga Carmona sweeping in the only goal"]),
("014","fr","Et à quelle minute ?",["thrash home the winner low and hard on 29 minutes"],["Qui a marqué le but de la victoire espagnole en finale ?"]),
("014","fr","Combien de spectateurs ont assisté à la finale à Sydney ?",["a crowd of nearly 76,000"]),
("014","es","¿Quién era la seleccionadora de Inglaterra?",["England coach Sarina Wiegman"]),
("014","en","Who captains the Lionesses?",["Millie Bright, skipper of the Lionesses"]),
("014","fr","Qui a arrêté le penalty manqué par l'Espagne en seconde période ?",None),
# 015 UK election
("015","fr","Combien de sièges le Labour a-t-il obtenus aux législatives britanniques ?",["won 411 seats out of the 650"]),
("015","en","And how many did the Conservatives end up with?",["seats plummet to 121"],["How many seats did Labour win in the 2024 UK general election?"]),
("015","fr","Dans quelle circonscription Nigel Farage a-t-il été élu ?",["winning a seat in Clacton"]),
("015","de","Wie viele Sitze gewannen die Liberaldemokraten?",["best-ever performance with 72 seats"]),
("015","en","What percentage of the vote did Labour actually receive?",["with only 34% of the vote"]),
("015","fr","Quel a été le taux de participation aux élections britanniques de 2024 ?",None),
# 016 agriculteurs
("016","en","Who is the secretary general of the Jeunes Agriculteurs union?",["Pierrick Horel, secrétaire général des Jeunes Agriculteurs"]),
("016","en","How many departments were still hit by farmers' actions on Saturday morning?",["moins de 40 actions touchant 28 départements"]),
("016","fr","Quelle autoroute restait fermée d'après Vinci Autoroutes ?",["l'A9 qui reste fermée à la circulation"]),
("016","es","¿Qué nueva estrategia anunció Maxime Buizard?",["organiser le blocus de Paris et de la petite couronne"]),
("016","fr","Quel montant d'aides le gouvernement a-t-il promis aux agriculteurs ?",None),
# 017 Tour de France
("017","en","Who came second in the 2024 Tour de France?",["Jonas Vingegaard (Visma | Lease a Bike)"]),
("017","en","Who was the last rider before Pogačar to win the Giro and the Tour in the same year?",["le doublé Giro-Tour depuis Marco Pantani"]),
("017","fr","Combien d'étapes Pogačar a-t-il remportées sur ce Tour ?",["Avec six victoires d’étape"]),
("017","de","Wer gewann das Grüne Trikot?",["Biniam Girmay (Intermarché-Wanty) remporte le maillot vert"]),
("017","fr","Entre quelles villes le dernier chrono s'est-il couru ?",["contre-la-montre final disputé entre Monaco et Nice"]),
("017","en","How many kilometres long was the 2024 Tour de France?",None),
# 018 Nobel
("018","en","Who won the 2023 Nobel Prize in medicine?",["conjointement à la Hongroise Katalin Kariko"]),
("018","en","And how much prize money comes with it?",["onze millions de couronnes (920 000 euros)"],["Who won the 2023 Nobel Prize in medicine?"]),
("018","fr","Qui avait obtenu le Nobel de médecine l'année précédente ?",["le scientifique suédois Svante Paabo"]),
("018","es","¿En qué ciudad se entrega el Nobel de la Paz?",["seule récompense décernée à Oslo"]),
("018","en","How old is Drew Weissman?",None),
# 019 Nouvelle-Calédonie
("019","en","What were the curfew hours in Nouméa?",["de mardi 18H00 à mercredi 06H00"]),
("019","en","How many people live in New Caledonia?",["les 270.000 habitants du territoire"]),
("019","fr","Quel genre d'usine a brûlé à l'entrée de Nouméa ?",["une importante usine spécialisée dans l'embouteillage"]),
("019","de","In welchen Nachbarstädten wurden Supermärkte geplündert?",["villes limitrophes de Dumbéa et du Mont-Dore"]),
("019","fr","Quelle réforme a déclenché les émeutes en Nouvelle-Calédonie ?",None),
# 020 chômage
("020","en","What was the unemployment rate in mainland France in the third quarter?",["à 9,7% de la population active en métropole"]),
("020","fr","Combien de chômeurs l'Insee a-t-il recensés en métropole ?",["2,805 millions de chômeurs en métropole"]),
("020","en","How high is youth unemployment?",["Le taux de chômage des 15-24 ans grimpe à 25,1%"]),
("020","fr","Quelle est la marge d'erreur de l'indicateur du chômage ?",["la marge d'erreur de l'indicateur (+/-0,3 pt)"]),
("020","en","How many jobseekers were registered with Pôle emploi at the end of September?",None),
# 021 sécheresse
("021","en","On 1 August, how many departments had groundwater levels below normal?",["Au 1er août, 71 départements"]),
("021","en","Which departments had groundwater above normal at the end of July?",["les Landes (40), les Pyrénées-Atlantiques (64)"]),
("021","fr","Quelle part de l'eau potable vient des nappes souterraines ?",["près des deux tiers de la consommation d'eau potable"]),
("021","de","Wie viele Departements haben sehr niedrige Grundwasserstände?",["Ce mardi, 23 départements"]),
("021","fr","Combien de départements sont concernés par des arrêtés de restriction d'eau ?",None),
# 022 Vision Pro
("022","fr","Combien coûte le casque Vision Pro d'Apple ?",["starting at a whopping $3,499"]),
("022","fr","Quelle est l'autonomie de la batterie du Vision Pro ?",["power the headset for up to two hours"]),
("022","en","What operating system does the Vision Pro use?",["running on its own platform, visionOS"]),
("022","es","¿Cómo se maneja el Vision Pro si no tiene mandos?",["relies on users’ eye movement, hand tracking, and voice"]),
("022","fr","Combien pèse le casque Vision Pro ?",None),
# 023 Louvre
("023","en","How long did the Louvre robbery last?",["ne dura que sept minutes"]),
("023","en","How did the Louvre thieves escape?",["avant de s’échapper à scooter"]),
("023","fr","Combien de diamants orne le diadème de l'impératrice Eugénie ?",["composé de près de 2 000 diamants"]),
("023","de","Was ließen die Diebe beschädigt zurück?",["a été abandonnée en partie endommagée"]),
("023","en","What is the estimated value in euros of the jewels stolen from the Louvre?",None),
# 024 dengue
("024","fr","Combien de cas de dengue le Brésil a-t-il recensés en janvier ?",["the country recorded 512,000 cases nationwide"]),
("024","fr","Combien de morts de la dengue depuis le début de l'année au Brésil ?",["425 dengue-related deaths so far this year"]),
("024","en","How many cases did the Oswaldo Cruz Foundation say Brazil could see this year?",["as many as 4.2 million cases this year"]),
("024","fr","Qui dirige la surveillance sanitaire au ministère brésilien de la Santé ?",["Health Ministry Ethel Maciel"]),
("024","fr","Quel État brésilien compte le plus de cas de dengue ?",None),
# 025 Ariane 6
("025","en","How tall is the Ariane 6 rocket?",["la fusée de 56 mètres"]),
("025","en","How long did Ariane 6's first flight last?",["vol de 2 heures 51 minutes et 40 secondes"]),
("025","fr","Combien de micro-satellites Ariane 6 transportait-elle pour son premier vol ?",["mais 15 micro-satellites d'universités"]),
("025","es","¿En qué año se decidió construir Ariane 6?",["Décidée en 2014, Ariane 6"]),
("025","fr","Combien a coûté le développement d'Ariane 6 ?",None),
# 026 Mbappé
("026","en","Until when is Mbappé under contract with Real Madrid?",["jusqu’en juin 2029"]),
("026","en","How many goals did Mbappé score for PSG in all competitions?",["256 buts en 308 rencontres"]),
("026","fr","Combien de fois le Real Madrid a-t-il été sacré champion d'Europe ?",["sacré champion d’Europe pour la 15e fois"]),
("026","de","Wie viele Tore schoss Mbappé in seiner besten Saison bei PSG?",["sa meilleure saison avec le PSG (44 buts)"]),
("026","en","What salary will Mbappé earn at Real Madrid?",None),
# 027 Noto
("027","fr","Quelle était la magnitude du séisme de la péninsule de Noto ?",["with an estimated magnitude of 7.6"]),
("027","en","And how many people died in Wajima?",["31 people died in Wajima"],["What was the magnitude of the Noto Peninsula earthquake?"]),
("027","fr","À quelle profondeur le séisme s'est-il produit ?",["occurred at a depth of 16 kilometers"]),
("027","fr","Dans quelle ville se situait le centre du séisme ?",["centered in the town of Shika"]),
("027","en","How high was the tsunami that hit Suzu?",None),
# 028 inflation France
("028","en","What was the inflation rate in France in May 2023?",["baissant à 5,1% sur un an"]),
("028","en","How much did food prices rise over the year to May?",["ont augmenté de 14,3% sur un an en mai"]),
("028","fr","À combien s'établit l'inflation sous-jacente en mai ?",["s'est élevée à 5,8% sur un an en mai"]),
("028","de","Wie entwickelten sich die Gaspreise?",["La hausse des prix du gaz est un peu moins vive"]),
("028","en","What was French inflation in June 2023?",None),
# 029 Wegovy
("029","fr","De combien Wegovy réduit-il le risque d'infarctus ou d'AVC ?",["were 20% less likely to experience a heart attack"]),
("029","fr","Dans quelle revue les résultats ont-ils été publiés ?",["published in the New England Journal of Medicine"]),
("029","en","What share of patients on semaglutide quit the trial because of side effects?",["1,461, or about 17% of patients"]),
("029","es","¿Cuánto subió la acción de Novo Nordisk?",["Novo’s stock price rose by 13%"]),
("029","fr","Combien coûte un mois de traitement par Wegovy ?",None),
# 030 grippe
("030","en","By how much did flu-related emergency visits drop compared with the week before?",["une baisse de 32% du nombre de passages aux urgences"]),
("030","en","How many severe flu cases have been admitted to intensive care?",["72 cas graves de grippe ont été admis en réanimation"]),
("030","fr","Quels virus de la grippe circulent en même temps ?",["virus grippaux A(H1N1) et A(H3N2)"]),
("030","es","¿Cuánto bajaron las hospitalizaciones por bronquiolitis?",["tout comme les hospitalisations (-43%)"]),
("030","fr","Quel est le taux de couverture vaccinale contre la grippe chez les personnes à risque ?",None),
# 031 Copernicus
("031","fr","De combien la planète était-elle plus chaude en 2023 par rapport à l'ère préindustrielle ?",["The planet was 1.48c hotter in 2023"]),
("031","fr","Quelle était l'année la plus chaude avant 2023 ?",["than in 2016, the previous record year"]),
("031","en","Which natural phenomenon added to the warming?",["natural climate phenomenon El Niño"]),
("031","fr","Qui est directeur du service Copernicus sur le changement climatique ?",["Carlo Buontempo, a CCCS director"]),
("031","fr","Combien de tonnes de CO2 ont été émises dans le monde en 2023 ?",None),
# 032 Taylor Swift
("032","fr","Combien la tournée Eras Tour a-t-elle rapporté selon Pollstar ?",["has earned $1.04 billion"]),
("032","fr","Quel record la tournée de Taylor Swift a-t-elle battu ?",["the record set by Elton John's farewell tour"]),
("032","en","How many songs are in the Eras Tour set list?",["a set list of 44 songs split into 10 segments"]),
("032","es","¿Cuántos conciertos tendrá la gira en total?",["after a total of 151 shows across the globe"]),
("032","fr","Combien de billets ont été vendus pour l'Eras Tour ?",None),
# 033 loi immigration
("033","en","How many articles of the immigration law were struck down?",["35 ont été retoqués totalement ou partiellement"]),
("033","en","How did Jordan Bardella describe the court's decision?",["un coup de force des juges"]),
("033","fr","Qui avait saisi le Conseil constitutionnel ?",["qui avait lui-même saisi les Sages"]),
("033","de","Was fordert Marine Le Pen nach der Entscheidung?",["seule une réforme de la Constitution permettra"]),
("033","en","Who is the president of the Constitutional Council?",None),
# 034 Victoires
("034","en","How many awards did Zaho de Sagazan take home?",["pas moins de quatre récompenses"]),
("034","en","Who was named female artist of the year?",["Aya Nakamura a, elle, succédé à Angèle"]),
("034","fr","Qui a remis sa Victoire d'honneur à Bernard Lavilliers ?",["son amie Sandrine Bonnaire"]),
("034","es","¿Quién presentó la ceremonia de las Victoires?",["animée par Léa Salamé et Cyril Féraud"]),
("034","fr","Combien de téléspectateurs ont regardé les Victoires de la musique 2024 ?",None),
# 035 Milton
("035","fr","Où l'ouragan Milton a-t-il touché terre ?",["The storm hit near Siesta Key in Sarasota County"]),
("035","fr","Combien de personnes se sont retrouvées sans électricité ?",["left over 2.8 million people without power"]),
("035","en","How many tornadoes were confirmed?",["At least nine tornadoes were confirmed"]),
("035","fr","Quel ouragan avait une pression minimale encore plus basse que Milton ?",["violent Hurricane Rita’s 895 mb in 2005"]),
("035","fr","Combien de personnes l'ouragan Milton a-t-il tuées ?",None),
# 036 PSG
("036","en","Who opened the scoring for PSG in the Champions League final?",["Achraf Hakimi a ouvert le score à la 12e minute"]),
("036","en","Where was the final against Inter played?",["l'Inter Milan 5-0 à Munich"]),
("036","fr","Quel âge a Désiré Doué ?",["Du haut de ses 19 ans"]),
("036","es","¿Quién marcó el cuarto gol del PSG?",["Khvicha Kvaratskhelia a ajouté le quatrième but"]),
("036","fr","Combien de spectateurs étaient présents dans le stade de Munich pour la finale ?",None),
]

def main():
    corpus = sorted(f for f in os.listdir(os.path.join(HERE, "corpus")) if f.endswith(".md"))
    byprefix = {f[:3]: f for f in corpus}
    with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as out, \
         open(os.path.join(HERE, "question_articles.tsv"), "w", encoding="utf-8") as tsv:
        tsv.write("id\tarticle\tlang\n")
        for i, e in enumerate(Q, 1):
            art, lang, q, gold = e[:4]
            d = {"id": f"n{i:03d}", "question": q, "answerable": gold is not None, "gold_any": gold or []}
            if len(e) > 4:
                d["conversation"] = e[4]
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
            tsv.write(f"{d['id']}\t{byprefix[art]}\t{lang}\n")
    print(len(Q), "questions")

if __name__ == "__main__":
    main()
